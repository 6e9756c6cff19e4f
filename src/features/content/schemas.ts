import { z } from 'zod';

export const PAGE_TITLE_MAX = 120;
export const PAGE_SUMMARY_MAX = 400;
export const PAGE_BODY_MAX = 50_000;

// Control characters other than tab and newlines have no place in page text.
const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

export const pageSchema = z.object({
  title: z
    .string({ error: 'Vul een titel in' })
    .trim()
    .min(1, 'Vul een titel in')
    .max(PAGE_TITLE_MAX, `De titel is hooguit ${PAGE_TITLE_MAX} tekens lang`)
    .refine(noControlChars, 'De titel bevat onzichtbare stuurtekens; haal ze weg'),
  summary: z
    .string({ error: 'Vul een korte inleiding in' })
    .trim()
    .min(1, 'Vul een korte inleiding in')
    .max(PAGE_SUMMARY_MAX, `De inleiding is hooguit ${PAGE_SUMMARY_MAX} tekens lang`)
    .refine(noControlChars, 'De inleiding bevat onzichtbare stuurtekens; haal ze weg'),
  body: z
    .string({ error: 'Vul de tekst van de pagina in' })
    .max(PAGE_BODY_MAX, `De tekst is hooguit ${PAGE_BODY_MAX.toLocaleString('nl-NL')} tekens lang`)
    .refine(noControlChars, 'De tekst bevat onzichtbare stuurtekens; haal ze weg')
    .transform((s) => s.replace(/\r\n/g, '\n')),
  actie: z.enum(['opslaan', 'voorbeeld']).default('opslaan'),
});
