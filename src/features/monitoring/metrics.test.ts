import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionTimes, kickoffsInTime, percentile, submissionsPerMonth, summariseDecisions, type TrailEvent } from './metrics.ts';

const e = (subjectId: string, action: string, at: string): TrailEvent => ({
  subjectId,
  action: `registration.${action}`,
  at: `${at}T09:00:00.000Z`,
});

// A: submitted 1 Mar, information asked 5 Mar, resubmitted 12 Mar, accepted 20 Mar (19 days, 7 waiting).
// B: submitted 1 Mar, declined 11 Mar (10 days). C: submitted, withdrawn. D: submitted, still open.
// E: submitted 1 Apr, accepted on the deadline day 1 May (30 days).
const EVENTS: TrailEvent[] = [
  e('A', 'submitted', '2026-03-01'),
  e('A', 'info_requested', '2026-03-05'),
  e('A', 'submitted', '2026-03-12'),
  e('A', 'accepted', '2026-03-20'),
  e('B', 'submitted', '2026-03-01'),
  e('B', 'declined', '2026-03-11'),
  e('C', 'submitted', '2026-03-02'),
  e('C', 'withdrawn', '2026-03-04'),
  e('D', 'submitted', '2026-04-15'),
  e('E', 'submitted', '2026-04-01'),
  e('E', 'accepted', '2026-05-01'),
];

test('time to decision: information waits apart; withdrawn and open registrations have none', () => {
  const times = decisionTimes(EVENTS);
  assert.deepEqual(
    times.map((t) => [t.subjectId, t.total, t.waitingForApplicant, t.withTeam]),
    [
      ['A', 19, 7, 12],
      ['B', 10, 0, 10],
      ['E', 30, 0, 30],
    ],
  );
  assert.deepEqual(summariseDecisions(times), { count: 3, median: 19, p90: 30, medianWithTeam: 12, medianWaiting: 0 });
  assert.deepEqual(summariseDecisions([]), { count: 0, median: null, p90: null, medianWithTeam: null, medianWaiting: null });
});

test('percentiles by nearest rank', () => {
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  assert.equal(percentile([5], 50), 5);
  assert.equal(percentile([], 50), null);
});

test('first submissions per month: a resubmission is not counted again; months without any are zero', () => {
  assert.deepEqual(submissionsPerMonth(EVENTS, new Date('2026-05-15T00:00:00Z'), 4), [
    { month: '2026-02', count: 0 },
    { month: '2026-03', count: 3 },
    { month: '2026-04', count: 2 },
    { month: '2026-05', count: 0 },
  ]);
});

test('kick-offs in time: only acceptances old enough count, held on the last day is in time', () => {
  const events: TrailEvent[] = [
    ...EVENTS,
    { subjectId: 'A', action: 'kickoff.held', at: '2026-04-03T09:00:00.000Z' }, // 14 days after
    { subjectId: 'E', action: 'kickoff.held', at: '2026-05-20T09:00:00.000Z' }, // 19 days after
  ];
  assert.deepEqual(kickoffsInTime(events, new Date('2026-06-01T00:00:00Z'), 14), { due: 2, inTime: 1 });
  assert.deepEqual(kickoffsInTime(events, new Date('2026-05-10T00:00:00Z'), 14), { due: 1, inTime: 1 }, 'E not yet due');
});
