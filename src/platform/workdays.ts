/**
 * Working days on the Dutch calendar: Monday to Friday, without the public holidays most
 * organisations close on — Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag (26 April when
 * the 27th is a Sunday), Bevrijdingsdag in lustrum years (2025, 2030, …), Hemelvaartsdag, Tweede
 * Pinksterdag, and both Christmas days. Days are `yyyy-mm-dd` in Dutch time; pure functions.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const plusDays = (day: string, n: number) => iso(new Date(utc(day).getTime() + n * 86_400_000));

/** Easter Sunday (the anonymous Gregorian algorithm). */
export function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Map<string, string>>();

/** The public holidays of a year, by day, with their names. */
export function holidays(year: number): Map<string, string> {
  const known = cache.get(year);
  if (known) return known;
  const e = easter(year);
  const kingsDay = utc(`${year}-04-27`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  const list: [string, string][] = [
    [`${year}-01-01`, 'Nieuwjaarsdag'],
    [plusDays(e, -2), 'Goede Vrijdag'],
    [plusDays(e, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [plusDays(e, 39), 'Hemelvaartsdag'],
    [plusDays(e, 50), 'Tweede Pinksterdag'],
    [`${year}-12-25`, 'Eerste Kerstdag'],
    [`${year}-12-26`, 'Tweede Kerstdag'],
  ];
  if (year % 5 === 0) list.push([`${year}-05-05`, 'Bevrijdingsdag']);
  const map = new Map(list);
  cache.set(year, map);
  return map;
}

export function isWorkingDay(day: string): boolean {
  const weekday = utc(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(Number(day.slice(0, 4))).has(day);
}

/** The working day `n` working days after `day` (n ≥ 1); the count starts the day after. */
export function addWorkingDays(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = plusDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = plusDays(from, 1); d <= to; d = plusDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}
