import { toAmsterdam } from '../../platform/calendar.ts';
import { cleanText, tooLong } from '../../platform/forms.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { TARGET_GROUPS } from '../registrations/index.ts';

/**
 * The yearly monitor: what a route reports, how it is checked, and when it is late. Pure: no
 * database, no clock of its own.
 */

/** Per target group: new students this year, everyone enrolled this year, graduates, drop-outs. */
export const MEASURES = [
  { key: 'new', label: 'Nieuwe studenten', word: 'nieuwe studenten' },
  { key: 'enrolled', label: 'Ingeschreven (totaal)', word: 'ingeschreven studenten' },
  { key: 'graduates', label: 'Gediplomeerd', word: 'gediplomeerden' },
  { key: 'dropouts', label: 'Uitgevallen', word: 'uitvallers' },
] as const;
export type Measure = (typeof MEASURES)[number]['key'];
export type GroupCounts = Record<Measure, number>;

export const GROUPS = TARGET_GROUPS;
export const groupLabel = (code: string) => GROUPS.find((g) => g.value === code)?.label ?? code;

export type MonitorAnswers = {
  groups: Record<string, GroupCounts>;
  companies: number | null;
  supervisors: number | null;
  reflection: string;
};

export const emptyAnswers = (): MonitorAnswers => ({ groups: {}, companies: null, supervisors: null, reflection: '' });

export const STEPS = [
  { slug: 'studenten', title: 'Studenten per doelgroep' },
  { slug: 'bedrijven', title: 'Bedrijven en begeleiders' },
  { slug: 'terugblik', title: 'Terugblik' },
] as const;
export type StepSlug = (typeof STEPS)[number]['slug'];
export const isStep = (s: string): s is StepSlug => STEPS.some((x) => x.slug === s);

/** What the team can reopen after submission: one target group's row, or one of the other answers. */
export const FIELDS: { key: string; step: StepSlug; label: string }[] = [
  ...GROUPS.map((g) => ({ key: `groep:${g.value}`, step: 'studenten' as const, label: `Studenten: ${g.label}` })),
  { key: 'companies', step: 'bedrijven', label: 'Aantal mkb-bedrijven' },
  { key: 'supervisors', step: 'bedrijven', label: 'Aantal praktijkbegeleiders' },
  { key: 'reflection', step: 'terugblik', label: 'Terugblik' },
];
export const fieldLabel = (key: string) => FIELDS.find((f) => f.key === key)?.label ?? key;

export const REPORT_STATES = ['open', 'submitted', 'reopened'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const COUNT_MAX = 100_000;
export const REFLECTION_MAX = 3_000;

/** The name of a form field for one group's measure. */
export const countName = (group: string, measure: Measure) => `${group}_${measure}`;

/** Which fields of a step may be changed now: all while open, only the reopened ones after a reopening. */
export function editableFields(state: ReportState, reopened: string[] | null, step: StepSlug): Set<string> | 'none' {
  const inStep = FIELDS.filter((f) => f.step === step).map((f) => f.key);
  if (state === 'open') return new Set(inStep);
  if (state === 'reopened') {
    const open = inStep.filter((k) => (reopened ?? []).includes(k));
    return open.length ? new Set(open) : 'none';
  }
  return 'none';
}

/** Reads one count: a whole number from 0 to COUNT_MAX, with a message that names the field. */
function readCount(raw: string | undefined, what: string): { value: number } | { error: string } {
  const v = (raw ?? '').trim().replace(/\s/g, '');
  if (v === '') return { error: `Vul ${what} in (0 als er geen zijn)` };
  if (!/^-?\d+$/.test(v)) return { error: `Vul bij ${what} een heel getal in, zoals 12` };
  const n = Number(v);
  if (n < 0) return { error: `${capital(what)} kan niet negatief zijn` };
  if (n > COUNT_MAX) return { error: `${capital(what)} is hooguit ${COUNT_MAX.toLocaleString('nl-NL')}` };
  return { value: n };
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Checks a step's form against what may change now and returns the new answers, or a message per
 * field. Fields that may not change are taken from `current`, whatever the form sent.
 */
export function readStep(
  step: StepSlug,
  body: Record<string, string>,
  current: MonitorAnswers,
  editable: Set<string>,
): { ok: true; answers: MonitorAnswers } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = [];
  const next: MonitorAnswers = structuredClone(current);
  if (step === 'studenten') {
    for (const g of GROUPS) {
      if (!editable.has(`groep:${g.value}`)) continue;
      const counts = {} as GroupCounts;
      let complete = true;
      for (const m of MEASURES) {
        const r = readCount(body[countName(g.value, m.key)], `het aantal ${m.word} bij ${g.label}`);
        if ('error' in r) {
          errors.push({ field: countName(g.value, m.key), message: r.error });
          complete = false;
        } else counts[m.key] = r.value;
      }
      if (!complete) continue;
      if (counts.new > counts.enrolled)
        errors.push({
          field: countName(g.value, 'new'),
          message: `Bij ${g.label} zijn er meer nieuwe studenten (${counts.new}) dan ingeschreven studenten (${counts.enrolled}); nieuwe studenten tellen mee in het totaal`,
        });
      if (counts.graduates > counts.enrolled)
        errors.push({
          field: countName(g.value, 'graduates'),
          message: `Bij ${g.label} zijn meer studenten gediplomeerd (${counts.graduates}) dan er ingeschreven waren (${counts.enrolled})`,
        });
      else if (counts.graduates + counts.dropouts > counts.enrolled)
        errors.push({
          field: countName(g.value, 'dropouts'),
          message: `Bij ${g.label} zijn gediplomeerden en uitvallers samen (${counts.graduates + counts.dropouts}) meer dan het aantal ingeschreven studenten (${counts.enrolled})`,
        });
      next.groups[g.value] = counts;
    }
  }
  if (step === 'bedrijven') {
    const read = (key: 'companies' | 'supervisors', what: string) => {
      if (!editable.has(key)) return;
      const r = readCount(body[key], what);
      if ('error' in r) errors.push({ field: key, message: r.error });
      else next[key] = r.value;
    };
    read('companies', 'het aantal mkb-bedrijven');
    read('supervisors', 'het aantal praktijkbegeleiders');
  }
  if (step === 'terugblik' && editable.has('reflection')) {
    const text = cleanText(body.reflection ?? '').trim();
    if (text === '') errors.push({ field: 'reflection', message: 'Schrijf een korte terugblik op het jaar' });
    else if (text.length > REFLECTION_MAX)
      errors.push({ field: 'reflection', message: tooLong('De terugblik', REFLECTION_MAX, text.length) });
    else next.reflection = text;
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: next };
}

/** What still has to be filled in before the report can be submitted, in words. */
export function missing(stepsDone: string[]): string[] {
  return STEPS.filter((s) => !stepsDone.includes(s.slug)).map((s) => `${s.title}: nog niet opgeslagen`);
}

/** The Dutch calendar day of a moment. */
export const dutchDay = (at: Date) => toAmsterdam(at.toISOString()).toISODate() as string;

/** A report is late when it is first submitted after the deadline's day has ended in the Netherlands. */
export const isLate = (deadline: string, at: Date) => dutchDay(at) > deadline;

/** Days between two calendar days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Which reminder an unsubmitted report is due, if any: one `before` from `daysBefore` days ahead of
 * the deadline, one `after` once the deadline has passed. Each is sent once.
 */
export function reminderDue(
  report: { state: string; reminded_before_at: string | null; reminded_after_at: string | null },
  deadline: string,
  today: string,
  daysBefore: number,
): 'before' | 'after' | null {
  if (report.state !== 'open') return null;
  if (today > deadline) return report.reminded_after_at ? null : 'after';
  if (daysBetween(today, deadline) <= daysBefore && !report.reminded_before_at) return 'before';
  return null;
}

/** Sums of all groups: what the route reported in total. */
export function totals(answers: MonitorAnswers): GroupCounts {
  const t: GroupCounts = { new: 0, enrolled: 0, graduates: 0, dropouts: 0 };
  for (const c of Object.values(answers.groups)) for (const m of MEASURES) t[m.key] += c[m.key] ?? 0;
  return t;
}

/** A count as published: 1 to 4 become "<5" (as DUO does in its open data), so no one can be picked out. */
export function published(n: number): string {
  return n >= 1 && n <= 4 ? '<5' : String(n);
}

/** The same for the open-data API: a number, or the string "<5". */
export function publishedValue(n: number): number | '<5' {
  return n >= 1 && n <= 4 ? '<5' : n;
}
