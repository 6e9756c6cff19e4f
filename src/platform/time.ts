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
