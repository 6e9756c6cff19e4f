import { createHmac, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import { amsterdamToUtc, formatDay, formatSlot, formatTime, toAmsterdam, ZONE } from '../../platform/calendar.ts';
import type { SettingDefinition } from '../../platform/settings/registry.ts';

export { amsterdamToUtc, formatDay, formatSlot, formatTime, toAmsterdam, ZONE };

export const NOTICE_HOURS_DEFAULT = 24;
export const UNBOOKED_REMINDER_DAYS_DEFAULT = 7;

/** The kick-off's settings, shown and changed at /beheer/instellingen. */
export const NOTICE_SETTING: SettingDefinition = {
  key: 'kickoff_notice_hours',
  label: 'Startgesprek boeken of verzetten tot',
  description: 'Zoveel uur voor het begin kan de hogeschool een tijd nog kiezen, verzetten of afzeggen.',
  unit: 'uren',
  default: NOTICE_HOURS_DEFAULT,
  min: 1,
  max: 336,
};
export const UNBOOKED_REMINDER_SETTING: SettingDefinition = {
  key: 'kickoff_reminder_days',
  label: 'Herinnering als er geen startgesprek is gepland',
  description: 'Zoveel dagen na de uitnodiging zonder gekozen tijd krijgt de hogeschool een herinnering.',
  unit: 'dagen',
  default: UNBOOKED_REMINDER_DAYS_DEFAULT,
  min: 1,
  max: 60,
};
export const DURATIONS = [30, 45, 60, 90, 120] as const;

export const KICKOFF_STATE_LABELS: Record<string, string> = {
  invited: 'Uitgenodigd, nog niet ingepland',
  booked: 'Ingepland',
  held: 'Gehouden',
  cancelled: 'Geannuleerd, opnieuw in te plannen',
};

export const OUTCOMES = { continue: 'Gaat van start als deelnemer', follow_up: 'Vervolggesprek nodig' } as const;

export function overlaps(a: { starts: string; ends: string }, b: { starts: string; ends: string }): boolean {
  return a.starts < b.ends && b.starts < a.ends;
}

/** Dates of a weekly pattern: every given weekday (1 = Monday) from `from` to `to`, inclusive. */
export function weeklyDates(from: string, to: string, weekday: number, max = 60): string[] {
  const start = DateTime.fromISO(from, { zone: ZONE });
  const end = DateTime.fromISO(to, { zone: ZONE });
  if (!start.isValid || !end.isValid || end < start) return [];
  const dates: string[] = [];
  let d = start.plus({ days: (weekday - start.weekday + 7) % 7 });
  while (d <= end && dates.length < max) {
    dates.push(d.toISODate() ?? '');
    d = d.plus({ weeks: 1 });
  }
  return dates;
}

/** Changes are allowed until the notice period before the meeting starts. */
export function withinNotice(startsAt: string, now: Date, noticeHours: number): boolean {
  return Date.parse(startsAt) - now.getTime() >= noticeHours * 3_600_000;
}

/** Links in mails are signed over the kick-off and its current nonce: a change voids older links. */
export function signLink(secret: string, kickoffId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`kickoff:${kickoffId}:${nonce}`).digest('base64url');
}

export function verifyLink(secret: string, kickoffId: string, nonce: string, signature: unknown): boolean {
  if (typeof signature !== 'string' || signature.length > 100) return false;
  const expected = Buffer.from(signLink(secret, kickoffId, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type AgendaItem = string;

/** The meeting's agenda, built from the assessment: what was not clearly met, the conditions, the support asked for. */
export function buildAgenda(input: {
  doubtful: { code: string; title: string; explanations: string[] }[];
  conditions: string | null;
  supportNeeds: string | null;
}): AgendaItem[] {
  const items: AgendaItem[] = ['Kennismaking en verwachtingen'];
  for (const c of input.doubtful) {
    items.push(`${c.code} ${c.title.replace(/^Criterium \d: /, '')}${c.explanations.length ? `: ${c.explanations.join('; ')}` : ''}`);
  }
  if (input.conditions) items.push(`Voorwaarden bij de toelating: ${input.conditions}`);
  if (input.supportNeeds) items.push(`Gevraagde ondersteuning: ${input.supportNeeds}`);
  items.push('Afspraken en vervolg');
  return items;
}
