import { rowCount } from './rows.ts';
import type { Answers } from './rules.ts';
import type { Choices } from './schemas.ts';
import { STEPS } from './steps.ts';

/**
 * One answer in words; an uploaded file also carries its id, so pages can link to it, and a table
 * of rows (companies, branches) its cells, so pages can show a table. `value` is always the answer
 * as plain text (for e-mail, the PDF and comparing versions).
 */
export type ReadoutRow = { label: string; value: string; fileId?: string; table?: { columns: string[]; rows: string[][] } };
/** The wording of the criterion a step answers, as it was when the registration was submitted. */
export type SectionCriterion = { code: string; title: string; description: string; version: number; validFrom: string };
export type ReadoutSection = { slug: string; title: string; rows: ReadoutRow[]; criterion?: SectionCriterion };

export const NOT_ANSWERED = 'Niet ingevuld';

const longDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The answers as a person reads them: per step, each question with its answer in words. Used by
 * the summary, the registration page, the receipt PDF and the confirmation e-mail.
 */
export function readout(answers: Answers, choices: Choices, wording: SectionCriterion[] = []): ReadoutSection[] {
  return STEPS.map((step) => {
    const criterion = step.criterion ? wording.find((w) => w.code === step.criterion) : undefined;
    const values = answers[step.slug]?.values ?? {};
    const rows: ReadoutRow[] = [];
    for (const field of step.fields) {
      if (field.kind === 'rows') {
        const lines: string[] = [];
        const table: string[][] = [];
        for (let i = 1; i <= rowCount(field, values); i++) {
          const cells = field.columns.map((c) => String(values[`${field.name}_${i}_${c.name}`] ?? '').trim());
          if (cells.every((v) => v === '')) continue;
          table.push(cells);
          lines.push(
            field.columns
              .map((c, j) => (cells[j] ? `${c.label}: ${cells[j]}` : ''))
              .filter(Boolean)
              .join(', '),
          );
        }
        rows.push({
          label: field.label,
          value: lines.length ? lines.join('\n') : NOT_ANSWERED,
          ...(table.length ? { table: { columns: field.columns.map((c) => c.label), rows: table } } : {}),
        });
        continue;
      }
      if (field.kind === 'file') {
        const name = values[`${field.name}_filename`];
        const fileId = values[`${field.name}_file_id`];
        rows.push({
          label: field.label,
          value: typeof name === 'string' && name ? name : 'Geen bestand',
          ...(typeof fileId === 'string' && fileId && typeof name === 'string' && name ? { fileId } : {}),
        });
        continue;
      }
      const raw = values[field.name];
      let value: string;
      if (field.kind === 'select' || field.kind === 'radio' || field.kind === 'checkboxes') {
        const options = typeof field.options === 'string' ? choices[field.options] : field.options;
        const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
        value = list.map((v) => options.find((o) => o.value === v)?.label ?? v).join(', ');
      } else if (field.kind === 'checkbox') {
        value = raw === 'ja' ? `Ja: ${field.text}` : '';
      } else if (field.kind === 'date' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
        value = longDate.format(new Date(`${raw}T00:00:00Z`));
      } else {
        value = typeof raw === 'string' ? raw : '';
      }
      rows.push({ label: field.label, value: value || NOT_ANSWERED });
    }
    return { slug: step.slug, title: step.title, rows, ...(criterion ? { criterion } : {}) };
  });
}
