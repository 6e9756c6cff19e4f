import { z } from 'zod';
import { textField } from '../../platform/forms.ts';

export const PAGE_TITLE_MAX = 120;
export const PAGE_SUMMARY_MAX = 400;
export const PAGE_BODY_MAX = 50_000;

// Control characters other than tab and newlines have no place in page text.
const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

export const pageSchema = z.object({
  title: textField(PAGE_TITLE_MAX, 'De titel', 'Vul een titel in'),
  summary: textField(PAGE_SUMMARY_MAX, 'De inleiding', 'Vul een korte inleiding in'),
  // Markdown keeps its leading and trailing white space (an indented block may start the page).
  body: z
    .string({ error: 'Vul de tekst van de pagina in' })
    .max(PAGE_BODY_MAX, `De tekst is hooguit ${PAGE_BODY_MAX.toLocaleString('nl-NL')} tekens lang`)
    .refine(noControlChars, 'De tekst bevat onzichtbare stuurtekens; haal ze weg')
    .transform((s) => s.replace(/\r\n/g, '\n')),
  actie: z.enum(['opslaan', 'voorbeeld']).default('opslaan'),
});
