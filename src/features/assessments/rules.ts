import type { CurrentUser } from '../../ui/context.ts';
import type { ReadoutSection } from '../registrations/index.ts';
import { inGroup, STEPS, type State } from '../registrations/index.ts';

export const VERDICTS = ['meets', 'partly', 'not_met', 'unclear'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = {
  meets: 'Voldoet',
  partly: 'Voldoet deels',
  not_met: 'Voldoet niet',
  unclear: 'Onduidelijk',
};

export const RECOMMENDATIONS = ['accept', 'request_info', 'decline'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  accept: 'Toelaten',
  request_info: 'Aanvulling vragen',
  decline: 'Afwijzen',
};

/** The criterion steps of the form, in order: C1 → werkend-leren, … */
export const CRITERION_STEPS = STEPS.filter((s) => s.criterion).map((s) => ({ code: s.criterion as string, slug: s.slug, title: s.title }));

export type Verdicts = Record<string, { verdict: Verdict | ''; explanation: string }>;

/** Open work: what counts toward a team member's load. */
export const canAssess = (user: CurrentUser | null) => user?.role === 'team' || user?.role === 'admin';

export type Affiliation = { kind: 'institution' | 'organisation'; value: string };

/**
 * Why a team member may have a conflict of interest with a registration: a link to its hogeschool,
 * or to an organisation the registration names as a partner (compared without case and spaces).
 */
export function conflictReasons(
  affiliations: Affiliation[],
  registration: { institutionBrin: string; institutionName: string; partnerNames: string[] },
): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const partners = registration.partnerNames.map(norm).filter(Boolean);
  const reasons: string[] = [];
  for (const a of affiliations) {
    if (a.kind === 'institution' && a.value === registration.institutionBrin) {
      reasons.push(`verbonden aan ${registration.institutionName}`);
    }
    if (a.kind === 'organisation') {
      const v = norm(a.value);
      const hit = partners.find((p) => p === v || (v.length >= 4 && p.includes(v)) || (p.length >= 4 && v.includes(p)));
      if (hit) reasons.push(`verbonden aan ${a.value}`);
    }
  }
  return reasons;
}

export type Candidate = { id: string; name: string; load: number; conflicted: boolean; assigned: boolean };

/** The least-loaded team member without an open conflict who is not yet assigned; ties by name. */
export function suggestAssignee(candidates: Candidate[]): Candidate | null {
  const free = candidates.filter((c) => !c.conflicted && !c.assigned);
  free.sort((a, b) => a.load - b.load || a.name.localeCompare(b.name, 'nl'));
  return free[0] ?? null;
}

/** An explanation is required for every verdict but "meets". */
export function verdictProblems(verdicts: Verdicts, requireAll: boolean): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const c of CRITERION_STEPS) {
    const v = verdicts[c.code];
    if (requireAll && !v?.verdict) problems.push({ field: `verdict_${c.code}`, message: `Kies een oordeel voor ${c.code}` });
    if (v?.verdict && v.verdict !== 'meets' && !v.explanation.trim()) {
      problems.push({ field: `explanation_${c.code}`, message: `Licht het oordeel over ${c.code} toe` });
    }
  }
  return problems;
}

export const PLACEHOLDERS: Record<string, string> = {
  naam: 'naam van de contactpersoon',
  kenmerk: 'kenmerk van de aanmelding',
  opleiding: 'naam van de opleiding',
  hogeschool: 'naam van de hogeschool',
  deelname: 'vorm van deelname (bij toelating)',
  voorwaarden: 'voorwaarden (bij toelating)',
  criteria: 'criteria die aangevuld moeten worden',
  termijn: 'uiterste datum voor de aanvulling',
  bericht: 'het bericht van het programmateam',
  link: 'link naar de aanmelding',
};

/** Placeholders in a template that we do not know; a template with any is refused. */
export function unknownPlaceholders(text: string): string[] {
  const found = [...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1] ?? '');
  return [...new Set(found.filter((p) => !(p in PLACEHOLDERS)))];
}

/**
 * The template with its placeholders filled in. A line that would say nothing because its
 * placeholder is empty ("Voorwaarden: {voorwaarden}" without conditions, a lone "{bericht}") is
 * left out, and the blank lines around it become one, so no mail says "Voorwaarden: " or "geen".
 */
export function fillTemplate(text: string, values: Record<string, string>): string {
  const empty = (name: string) => name in values && (values[name] ?? '').trim() === '';
  const lines = text.split('\n').filter((line) => {
    const alone = /^\s*(?:[^{}:]{1,60}:\s*)?\{([a-z]+)\}\s*[.]?\s*$/.exec(line);
    return !(alone?.[1] && empty(alone[1]));
  });
  return lines
    .join('\n')
    .replace(/\{([a-z]+)\}/g, (whole, name: string) => (name in values ? (values[name] ?? '') : whole))
    .replace(/\n{3,}/g, '\n\n');
}

export type Change = { step: string; label: string; before: string; after: string };

/** Field-by-field differences between two read-outs of the same form. */
export function changes(before: ReadoutSection[], after: ReadoutSection[]): Change[] {
  const found: Change[] = [];
  for (const section of after) {
    const old = before.find((s) => s.slug === section.slug);
    for (const row of section.rows) {
      const was = old?.rows.find((r) => r.label === row.label)?.value ?? '';
      if (was !== row.value) found.push({ step: section.title, label: row.label, before: was, after: row.value });
    }
  }
  return found;
}

const DAY = 86_400_000;

export function daysBetween(fromIso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / DAY));
}

/** Reminders the worker sends; each at most once per occasion. */
export function reviewReminderDue(
  r: { state: State; submittedAt: string | null; reviewRemindedAt: string | null },
  days: number,
  now: Date,
): boolean {
  if (!inGroup('assessable', r.state) || !r.submittedAt) return false;
  if (daysBetween(r.submittedAt, now) < days) return false;
  return !r.reviewRemindedAt || Date.parse(r.reviewRemindedAt) < Date.parse(r.submittedAt);
}

export function infoReminderDue(r: { state: State; infoDeadline: string | null; infoRemindedAt: string | null }, now: Date): boolean {
  return r.state === 'info_requested' && r.infoDeadline !== null && now.toISOString().slice(0, 10) > r.infoDeadline && !r.infoRemindedAt;
}

export function infoEscalationDue(
  r: { state: State; infoRemindedAt: string | null; infoEscalatedAt: string | null },
  graceDays: number,
  now: Date,
): boolean {
  return r.state === 'info_requested' && r.infoRemindedAt !== null && !r.infoEscalatedAt && daysBetween(r.infoRemindedAt, now) >= graceDays;
}
