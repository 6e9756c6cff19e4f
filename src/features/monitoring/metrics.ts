/**
 * The team's figures, computed from the audit trail (what happened, when) — pure functions, so
 * each is tested on a fixed set of events (metrics.test.ts). Times are whole days, rounded down.
 */

/** One audit event. Lists of them are in the order they happened (the audit trail's order). */
export type TrailEvent = { subjectId: string; action: string; at: string };

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/** The value at a percentile of sorted numbers (nearest rank), or null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export type DecisionTime = { subjectId: string; total: number; waitingForApplicant: number; withTeam: number };

/**
 * Time to decision per registration: from its first submission to its final decision (accepted or
 * declined), and of that the time it waited for the applicant (each information request until the
 * next submission). A withdrawn registration, or one still open, has no decision time.
 */
export function decisionTimes(events: TrailEvent[]): DecisionTime[] {
  // One pass with a little state per registration (25,000 events in a few milliseconds).
  type State = { first: number | null; askedAt: number | null; waiting: number; decided: number | null; withdrawn: boolean };
  const states = new Map<string, State>();
  for (const e of events) {
    let s = states.get(e.subjectId);
    if (!s) {
      s = { first: null, askedAt: null, waiting: 0, decided: null, withdrawn: false };
      states.set(e.subjectId, s);
    }
    if (s.decided !== null || s.withdrawn) continue;
    // A date is read only where it is used (reading 25,000 of them was a good part of the time).
    if (e.action === 'registration.submitted') {
      if (s.first === null) s.first = Date.parse(e.at);
      if (s.askedAt !== null) {
        s.waiting += Date.parse(e.at) - s.askedAt;
        s.askedAt = null;
      }
    } else if (e.action === 'registration.info_requested') s.askedAt = Date.parse(e.at);
    else if (e.action === 'registration.accepted' || e.action === 'registration.declined') s.decided = Date.parse(e.at);
    else if (e.action === 'registration.withdrawn') s.withdrawn = true;
  }
  const out: DecisionTime[] = [];
  for (const [subjectId, s] of states) {
    if (s.first === null || s.decided === null || s.withdrawn) continue;
    const total = (s.decided - s.first) / DAY;
    const waiting = s.waiting / DAY;
    out.push({ subjectId, total, waitingForApplicant: waiting, withTeam: total - waiting });
  }
  return out;
}

export type DecisionSummary = {
  count: number;
  median: number | null;
  p90: number | null;
  medianWithTeam: number | null;
  medianWaiting: number | null;
};

export function summariseDecisions(times: DecisionTime[]): DecisionSummary {
  const sorted = (pick: (t: DecisionTime) => number) => times.map(pick).sort((a, b) => a - b);
  const floor = (v: number | null) => (v === null ? null : Math.floor(v));
  return {
    count: times.length,
    median: floor(
      percentile(
        sorted((t) => t.total),
        50,
      ),
    ),
    p90: floor(
      percentile(
        sorted((t) => t.total),
        90,
      ),
    ),
    medianWithTeam: floor(
      percentile(
        sorted((t) => t.withTeam),
        50,
      ),
    ),
    medianWaiting: floor(
      percentile(
        sorted((t) => t.waitingForApplicant),
        50,
      ),
    ),
  };
}

/** First submissions per calendar month (UTC), for the last `months` months up to `now`, oldest first. */
export function submissionsPerMonth(events: TrailEvent[], now: Date, months = 12): { month: string; count: number }[] {
  const first = new Map<string, string>();
  for (const e of events) {
    if (e.action !== 'registration.submitted') continue;
    const seen = first.get(e.subjectId);
    if (!seen || e.at < seen) first.set(e.subjectId, e.at);
  }
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    keys.push(d.toISOString().slice(0, 7));
  }
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const at of first.values()) {
    const k = at.slice(0, 7);
    if (counts.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return keys.map((month) => ({ month, count: counts.get(month) ?? 0 }));
}

/**
 * Kick-offs held within `limit` days of acceptance: of the registrations accepted at least `limit`
 * days ago (so each had the full period), how many held their kick-off in time.
 */
export function kickoffsInTime(events: TrailEvent[], now: Date, limit: number): { due: number; inTime: number } {
  const accepted = new Map<string, string>();
  const held = new Map<string, string>();
  for (const e of events) {
    if (e.action === 'registration.accepted' && !accepted.has(e.subjectId)) accepted.set(e.subjectId, e.at);
    if (e.action === 'kickoff.held' && !held.has(e.subjectId)) held.set(e.subjectId, e.at);
  }
  let due = 0;
  let inTime = 0;
  for (const [id, at] of accepted) {
    if (days(at, now.toISOString()) < limit) continue;
    due++;
    const h = held.get(id);
    if (h && days(at, h) <= limit) inTime++;
  }
  return { due, inTime };
}
