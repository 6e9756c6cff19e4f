import { z } from 'zod';
import { cleanText, textField, tooLong } from '../../platform/forms.ts';

export const PAGE_TITLE_MAX = 120;
export const PAGE_SUMMARY_MAX = 400;
export const PAGE_BODY_MAX = 50_000;

export const pageSchema = z.object({
  title: textField(PAGE_TITLE_MAX, 'De titel', 'Vul een titel in'),
  summary: textField(PAGE_SUMMARY_MAX, 'De inleiding', 'Vul een korte inleiding in'),
  // Markdown keeps its leading and trailing white space (an indented block may start the page).
  body: z
    .string({ error: 'Vul de tekst van de pagina in' })
    .transform((s) => cleanText(s).replace(/\r\n/g, '\n'))
    .refine((s) => s.length <= PAGE_BODY_MAX, { error: (issue) => tooLong('De tekst', PAGE_BODY_MAX, String(issue.input).length) }),
  actie: z.enum(['opslaan', 'voorbeeld']).default('opslaan'),
});
