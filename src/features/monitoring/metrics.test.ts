import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decisionTimes, kickoffsInTime, percentile, submissionsPerMonth, summariseDecisions, type TrailEvent } from './metrics.ts';
import { isLate, published, publishedValue, readStep, reminderDue } from './rules.ts';

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

describe('monitor rules', () => {
  test('late only once the deadline day has ended in the Netherlands', () => {
    assert.equal(isLate('2027-01-15', new Date('2027-01-15T22:59:00Z')), false, '23:59 in Amsterdam');
    assert.equal(isLate('2027-01-15', new Date('2027-01-15T23:01:00Z')), true, '00:01 the next day');
    assert.equal(isLate('2026-07-15', new Date('2026-07-15T21:59:00Z')), false, 'summer time: 23:59');
    assert.equal(isLate('2026-07-15', new Date('2026-07-15T22:01:00Z')), true);
  });

  test('which reminder is due', () => {
    const open = { state: 'open', reminded_before_at: null, reminded_after_at: null };
    assert.equal(reminderDue(open, '2027-01-15', '2026-12-31', 14), null, '15 days ahead');
    assert.equal(reminderDue(open, '2027-01-15', '2027-01-01', 14), 'before');
    assert.equal(reminderDue({ ...open, reminded_before_at: 'x' }, '2027-01-15', '2027-01-10', 14), null);
    assert.equal(reminderDue({ ...open, reminded_before_at: 'x' }, '2027-01-15', '2027-01-15', 14), null, 'the deadline day');
    assert.equal(reminderDue({ ...open, reminded_before_at: 'x' }, '2027-01-15', '2027-01-16', 14), 'after');
    assert.equal(reminderDue(open, '2027-01-15', '2027-02-01', 14), 'after', 'opened late: only the one after');
    assert.equal(reminderDue({ ...open, state: 'submitted' }, '2027-01-15', '2027-01-16', 14), null);
    assert.equal(reminderDue({ ...open, state: 'reopened' }, '2027-01-15', '2027-01-16', 14), null);
  });

  test('published counts: 1 to 4 become "<5", 0 and 5 stay', () => {
    assert.deepEqual([0, 1, 4, 5, 120].map(published), ['0', '<5', '<5', '5', '120']);
    assert.deepEqual([0, 3, 5].map(publishedValue), [0, '<5', 5]);
  });

  test('a step keeps what may not change, whatever the form sends', () => {
    const current = {
      groups: { havo_vwo: { new: 1, enrolled: 2, graduates: 0, dropouts: 0 } },
      companies: 4,
      supervisors: 2,
      reflection: 'x',
    };
    const r = readStep('bedrijven', { companies: '9', supervisors: '7' }, current, new Set(['supervisors']));
    assert.deepEqual(r, { ok: true, answers: { ...current, supervisors: 7 } });
    const t = readStep('terugblik', { reflection: 'a'.repeat(3001) }, current, new Set(['reflection']));
    assert.equal(t.ok, false);
    assert.match(t.ok ? '' : (t.errors[0]?.message ?? ''), /hooguit 3\.000 tekens lang; u typte er 3\.001/);
  });
});
