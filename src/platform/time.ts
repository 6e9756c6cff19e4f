export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const toIso = (date: Date): string => date.toISOString();
export const isoAfter = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString();

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** Shown to people in Europe/Amsterdam whatever the server's TZ is. */
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

/**
 * A date as people type it into a form, as `jjjj-mm-dd`: Dutch `dd-mm-jjjj` (also with `/` or
 * `.`, and with one-digit day or month) or ISO `jjjj-mm-dd` (what a date picker sends). Null when
 * it is no date that exists, or lies outside 2000–2100.
 */
export function parseDateInput(value: string): string | null {
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) [d, m, y] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 2000 || y > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/** A time of day as typed (`14:30`, `14.30`, `9:05`), as `uu:mm`; null when it is no time. */
export function parseTimeInput(value: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** `jjjj-mm-dd` as Dutch people write it: `dd-mm-jjjj`. */
export const dutchDate = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('-') : iso);
