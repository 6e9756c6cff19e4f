import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../ui/components.tsx';
import type { CurrentUser } from '../ui/context.ts';
import { ForbiddenError } from './errors.tsx';
import { parseDateInput, parseTimeInput } from './time.ts';

/** Control characters other than tab and newlines have no place in text people type. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Typed text as it may be stored: control characters other than tab and newlines removed (they
 * are invisible, arrive by pasting, and make a page invalid HTML). Every form's text passes here.
 */
export function cleanText(value: string): string {
  return value.replace(CONTROL, '');
}

/** The message when a text is longer than its field allows; the text is refused, never cut. */
export function tooLong(label: string, max: number, length: number): string {
  return `${label} is hooguit ${max.toLocaleString('nl-NL')} tekens lang; u typte er ${length.toLocaleString('nl-NL')}. Kort de tekst in.`;
}

/**
 * The one free-text field of every form: trimmed, control characters removed (`cleanText`), at
 * most `max` characters (refused with a message that names the field, never cut). An absent field
 * counts as empty and a multipart field's `{ value }` is unwrapped. With `required`, empty is
 * refused with that message.
 */
export function textField(max: number, label: string, required?: string) {
  const base = z.preprocess(
    (v) => {
      const raw = v === undefined ? '' : typeof v === 'object' && v && 'value' in v ? (v as { value: unknown }).value : v;
      return typeof raw === 'string' ? cleanText(raw) : raw;
    },
    z
      .string()
      .trim()
      .check((ctx) => {
        if (ctx.value.length > max) ctx.issues.push({ code: 'custom', message: tooLong(label, max, ctx.value.length), input: ctx.value });
      }),
  );
  return required ? base.pipe(z.string().min(1, required)) : base;
}

/** The message for a date that could not be read; one wording on every form. */
export const dateMessage = (label: string) => `Vul ${label} in als dd-mm-jjjj, zoals 01-09-2027`;

/**
 * A date field: `dd-mm-jjjj` as Dutch people write it, or `jjjj-mm-dd` as a date picker sends it,
 * stored as `jjjj-mm-dd`. Empty stays empty unless `required` (then refused with that message).
 * `label` is how the message names it, e.g. "de startdatum".
 */
export function dateField(label: string, required?: string) {
  return textField(20, label, required).transform((v, ctx) => {
    if (v === '') return v;
    const date = parseDateInput(v);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: dateMessage(label) });
      return z.NEVER;
    }
    return date;
  });
}

/** A time field (`14:30`, `14.30`), stored as `uu:mm`. */
export function timeField(label: string, required?: string) {
  return textField(10, label, required).transform((v, ctx) => {
    if (v === '') return v;
    const time = parseTimeInput(v);
    if (time === null) {
      ctx.addIssue({ code: 'custom', message: `Vul ${label} in als uu:mm, zoals 14:30` });
      return z.NEVER;
    }
    return time;
  });
}

/**
 * For a form's cross-field check (`superRefine(fn, ALWAYS)`): run it even when a field failed to
 * parse (a date that could not be read), so the person gets every message in one go.
 */
export const ALWAYS = { when: () => true };

/** A field that may repeat (checkboxes): always a list of strings. */
export const listField = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

/**
 * The signed-in user of a route whose access level already demands one; the check keeps the
 * types honest and refuses should a route ever be declared wrongly.
 */
export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new ForbiddenError();
  return request.user;
}

/**
 * List filters from the query string: each value kept when it is one of its allowed values; any
 * other value is left out and named in `ignored`, so the page can say which filter it did not apply.
 */
export function pickFilters<K extends string>(
  query: Record<string, unknown>,
  allowed: Record<K, Iterable<string>>,
): { values: Record<K, string>; ignored: string[] } {
  const values = {} as Record<K, string>;
  const ignored: string[] = [];
  for (const key of Object.keys(allowed) as K[]) {
    const v = typeof query[key] === 'string' ? (query[key] as string) : '';
    values[key] = v && new Set(allowed[key]).has(v) ? v : '';
    if (v && !values[key]) ignored.push(`${key}=${v.slice(0, 40)}`);
  }
  return { values, ignored };
}

/** A page number from the query string: a whole number from 1 to `max`, 1 when absent or wrong. */
export function pageNumber(value: unknown, max = 100_000): number {
  return Math.max(1, Math.min(max, Number.parseInt(String(value ?? '1'), 10) || 1));
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Parses a submitted form with its Zod schema. On failure: the first message per field, in the
 * order the schema lists the fields (which is the order on the page).
 */
export function parseForm<S extends z.ZodObject>(schema: S, body: unknown): FormResult<z.output<S>> {
  const input = body && typeof body === 'object' ? body : {};
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const order = Object.keys(schema.shape);
  const errors: FieldErrors = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? order[0] ?? 'formulier');
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { ok: false, errors };
}

/** What the user typed, as strings, to put back in the form after an error. */
export function submittedValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** A path on this site to return to after signing in; anything else (other hosts, `//x`) is dropped. */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\u0000-\u001f]/.test(value)) return null;
  return value;
}

export type UploadedFile = { filename: string; content: Buffer; truncated: boolean };

/**
 * A posted form as plain values plus its one uploaded file (if any), whether it came as
 * urlencoded or multipart. Repeated fields become lists; a file past the size limit is marked
 * `truncated` so the form can say so instead of failing.
 */
export async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, string | string[]>; file: UploadedFile | null }> {
  const body = (request.body as Record<string, unknown> | undefined) ?? {};
  if (!request.isMultipart()) return { fields: body as Record<string, string | string[]>, file: null };
  const fields: Record<string, string | string[]> = {};
  let file: UploadedFile | null = null;
  for (const [name, part] of Object.entries(body)) {
    const parts = (Array.isArray(part) ? part : [part]) as {
      type: string;
      value?: unknown;
      filename?: string;
      toBuffer?: () => Promise<Buffer>;
      file?: { truncated: boolean };
    }[];
    for (const p of parts) {
      if (p.type === 'file' && p.toBuffer) {
        const content = await p.toBuffer();
        if (content.length > 0)
          file = { filename: (p.filename ?? 'bestand').slice(0, 200), content, truncated: Boolean(p.file?.truncated) };
      } else {
        const value = String(p.value ?? '');
        const prev = fields[name];
        fields[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
      }
    }
  }
  return { fields, file };
}
