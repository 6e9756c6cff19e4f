import { z } from 'zod';
import { cleanText, dateMessage, textField, tooLong } from '../../platform/forms.ts';
import { LIMITS } from '../../platform/limits.ts';
import { parseDateInput } from '../../platform/time.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import type { Option } from '../reference/index.ts';
import { fieldNames, rowCount } from './rows.ts';
import { type ChoiceList, type Field, LONG_TEXT_MAX, type Step, TEXT_MAX } from './steps.ts';

/** Answers of one step as the form holds them: text per name, a list for a group of checkboxes. */
export type Values = Record<string, string | string[]>;
export type Choices = Record<ChoiceList, Option[]>;

export const REASON_MAX = 2_000;

const POSTCODE = /^([1-9][0-9]{3}) ?(?!SA|SD|SS)([A-Z]{2})$/;
const PHONE_NL = /^(?:\+31|0031|0)[1-9]\d{8}$/;
const PHONE_INTL = /^\+[1-9]\d{7,14}$/;

/** A free-text answer: the platform's one text field, with messages that say "Dit veld". */
function text(max: number, required?: string) {
  return textField(max, 'Dit veld', required);
}

/** An optional format: empty is fine, anything else must match. */
function formatted(required: string | undefined, check: (v: string) => string | null, message: string, max = TEXT_MAX) {
  return text(max, required).transform((v, ctx) => {
    if (v === '') return v;
    const normalised = check(v);
    if (normalised === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return normalised;
  });
}

function fieldSchema(field: Exclude<Field, { kind: 'rows' | 'file' }>, choices: Choices): z.ZodType<string | string[]> {
  const req = field.required;
  switch (field.kind) {
    case 'text':
      return text(field.max, req);
    case 'textarea':
      return text(field.max ?? LONG_TEXT_MAX, req);
    case 'email':
      return formatted(
        req,
        (v) => (z.email().safeParse(v.toLowerCase()).success ? v.toLowerCase() : null),
        'Vul een geldig e-mailadres in, zoals naam@hogeschool.nl',
        254,
      );
    case 'tel':
      return formatted(
        req,
        (v) => {
          const compact = v.replace(/[\s().-]/g, '');
          return PHONE_NL.test(compact) || PHONE_INTL.test(compact) ? v.replace(/\s+/g, ' ') : null;
        },
        'Vul een geldig telefoonnummer in, zoals 030 123 45 67',
        40,
      );
    case 'postcode':
      return formatted(
        req,
        (v) => {
          const m = POSTCODE.exec(v.toUpperCase().replace(/\s+/g, ' '));
          return m ? `${m[1]} ${m[2]}` : null;
        },
        'Vul een geldige postcode in, zoals 3511 AB',
        10,
      );
    case 'croho':
      return formatted(req, (v) => (/^\d{5}$/.test(v) ? v : null), 'Een CROHO-code bestaat uit precies 5 cijfers', 10);
    case 'date':
      return formatted(req, parseDateInput, dateMessage('een bestaande datum'), 20);
    case 'integer':
      return formatted(
        req,
        (v) => {
          if (!/^\d{1,9}$/.test(v)) return null;
          const n = Number(v);
          return n >= field.min && n <= field.max ? String(n) : null;
        },
        `Vul een heel getal in van ${field.min} tot en met ${field.max.toLocaleString('nl-NL')}`,
        12,
      );
    case 'select':
    case 'radio': {
      const allowed = new Set((typeof field.options === 'string' ? choices[field.options] : field.options).map((o) => o.value));
      return z
        .string()
        .trim()
        .refine((v) => v === '' || allowed.has(v), 'Kies een van de mogelijkheden')
        .refine((v) => !req || v !== '', req ?? '');
    }
    case 'checkboxes': {
      const options = typeof field.options === 'string' ? choices[field.options] : field.options;
      const allowed = new Set(options.map((o) => o.value));
      return z
        .array(z.string())
        .refine((list) => list.every((v) => allowed.has(v)), 'Kies alleen uit de mogelijkheden')
        .refine((list) => !req || list.length > 0, req ?? '')
        .transform((list) => options.map((o) => o.value).filter((v) => list.includes(v)));
    }
    case 'checkbox':
      return z
        .string()
        .refine((v) => v === '' || v === 'ja', 'Ongeldige waarde')
        .refine((v) => !req || v === 'ja', req ?? '');
  }
}

/**
 * What the browser sent, reduced to the names of this step (everything else is ignored), with
 * control characters removed (`cleanText`). A table has as many rows as the form sent.
 */
export function rawValues(step: Step, body: unknown): Values {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Values = {};
  for (const field of step.fields) {
    if (field.kind === 'file') continue;
    for (const name of fieldNames(field, input)) {
      const v = input[name];
      if (field.kind === 'checkboxes') values[name] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => cleanText(String(x)));
      else values[name] = cleanText(Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v));
    }
  }
  return values;
}

/** The most characters a field's value may have: what its schema allows. */
function lengthLimit(field: Exclude<Field, { kind: 'file' }>, name: string): number {
  switch (field.kind) {
    case 'text':
      return field.max;
    case 'textarea':
      return field.max ?? LONG_TEXT_MAX;
    case 'rows': {
      const column = field.columns.find((c) => name.endsWith(`_${c.name}`));
      return column?.kind === 'kvk' ? 20 : (column?.max ?? TEXT_MAX);
    }
    case 'email':
      return LIMITS.email;
    case 'tel':
      return LIMITS.phone;
    case 'date':
      return 20;
    case 'postcode':
    case 'croho':
      return 10;
    case 'integer':
      return 12;
    default:
      return LIMITS.short;
  }
}

/**
 * What may be stored of a step that did not pass its checks: everything as typed (cleaned), except
 * a value longer than its field allows. That one keeps what was stored before and is named in
 * `refused`, so the person is told and can shorten it; nothing is cut without a word.
 */
export function storableValues(step: Step, values: Values, previous: Values): { values: Values; refused: FieldErrors } {
  const stored: Values = {};
  const refused: FieldErrors = [];
  for (const field of step.fields) {
    if (field.kind === 'file') continue;
    for (const name of fieldNames(field, values)) {
      const v = values[name] ?? '';
      const limit = lengthLimit(field, name);
      const length = Array.isArray(v) ? Math.max(0, ...v.map((x) => x.length)) : v.trim().length;
      if (length > limit || (Array.isArray(v) && v.length > 100)) {
        refused.push({ field: name, message: `${tooLong('Dit veld', limit, length)} De rest van de stap is opgeslagen.` });
        const before = previous[name];
        if (before !== undefined) stored[name] = before;
      } else stored[name] = v;
    }
  }
  return { values: stored, refused };
}

/** The Zod schema of one step, built from its description (a table with as many rows as `values` has). */
export function stepSchema(step: Step, choices: Choices, values: Values = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of step.fields) {
    if (field.kind === 'file') continue;
    if (field.kind === 'rows') {
      for (let i = 1; i <= rowCount(field, values); i++) {
        for (const c of field.columns) {
          shape[`${field.name}_${i}_${c.name}`] =
            c.kind === 'kvk'
              ? formatted(undefined, (v) => (/^\d{8}$/.test(v) ? v : null), 'Een KvK-nummer bestaat uit precies 8 cijfers', 20)
              : text(c.max);
        }
      }
      continue;
    }
    shape[field.name] = fieldSchema(field, choices);
  }
  return z.object(shape);
}

/**
 * In a table of rows, a row that says anything needs its required cells. Checked apart from the
 * schema so these messages show together with any format errors in the same rows.
 */
function rowIssues(step: Step, values: Values): FieldErrors {
  const issues: FieldErrors = [];
  for (const field of step.fields) {
    if (field.kind !== 'rows') continue;
    for (let i = 1; i <= rowCount(field, values); i++) {
      const cells = field.columns.map((c) => String(values[`${field.name}_${i}_${c.name}`] ?? '').trim());
      if (cells.every((v) => v === '')) continue;
      field.columns.forEach((c, j) => {
        if (c.required && cells[j] === '') issues.push({ field: `${field.name}_${i}_${c.name}`, message: `${c.required} (rij ${i})` });
      });
    }
  }
  return issues;
}

export type StepResult = { ok: true; values: Values } | { ok: false; values: Values; errors: FieldErrors };

/** Validates a step; on failure the raw values come back so nothing the user typed is lost. */
export function validateStep(step: Step, values: Values, choices: Choices): StepResult {
  const result = stepSchema(step, choices, values).safeParse(values);
  const rows = rowIssues(step, values);
  if (result.success && rows.length === 0) return { ok: true, values: result.data as Values };
  const order = step.fields.flatMap((f) => (f.kind === 'file' ? [f.name] : fieldNames(f, values)));
  const errors: FieldErrors = [...rows];
  for (const issue of result.success ? [] : result.error.issues) {
    const field = String(issue.path[0]);
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { ok: false, values, errors };
}

export const withdrawSchema = z.object({
  reason: textField(REASON_MAX, 'De reden', 'Vul een reden in'),
});

export const submitSchema = z.object({
  declaration: z.literal('ja', { error: 'Verklaar dat de gegevens juist en volledig zijn' }),
});
