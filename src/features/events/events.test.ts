import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, signIn } from '../../../test/helpers.ts';
import { parseForm } from '../../platform/forms.ts';
import { setSetting } from '../../platform/settings/repo.ts';
import {
  AlreadyRegisteredError,
  acceptOffer,
  attendanceCsv,
  cancelEvent,
  confirmGuest,
  createEvent,
  type EventInput,
  eventInput,
  markAttendance,
  markRestAbsent,
  registerDirect,
  requestGuestRegistration,
  runEventJobs,
  updateEventDetails,
  withdraw,
} from './index.ts';
import { mySeats } from './participation.ts';
import { eventSchema } from './schemas.ts';

const H = 3_600_000;
const T0 = Date.parse('2027-03-01T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * H);
/** Starts 9 days after T0. */
const START = '2027-03-10T13:00:00.000Z';

function input(over: Partial<EventInput> = {}): EventInput {
  return {
    title: 'Leernetwerk praktijkbegeleiding',
    description: 'Over **begeleiding**.',
    themes: ['supervision'],
    audiences: ['hogeschool'],
    mode: 'location',
    link: null,
    address: 'Jaarbeurs, Utrecht',
    startsAt: START,
    endsAt: '2027-03-10T16:00:00.000Z',
    deadline: START,
    capacity: 2,
    waitlist: true,
    reminderHours: 48,
    reminderText: 'Neem uw laptop mee.',
    organiserId: null,
    questions: [],
    ...over,
  };
}

const person = (n: string) => ({ userId: null, name: `Persoon ${n}`, email: `${n}@voorbeeld.nl`, answers: {} });

async function setup(t: Parameters<typeof buildTestApp>[0], over: Partial<EventInput> = {}, created = at(0)) {
  const site = await buildTestApp(t);
  const team = await user(site.db, 'organisator@programma.nl', 'team', { name: 'Olga Organisator' });
  const id = await createEvent(site.db, team, input(over), created);
  const states = async () =>
    Object.fromEntries(
      (
        await site.db.selectFrom('event_registrations').select(['email', 'state']).where('event_id', '=', id).orderBy('arrival').execute()
      ).map((r) => [r.email.split('@')[0], r.state]),
    );
  const mails = async (to: string) =>
    (await site.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('created_at').orderBy('id').execute()).map(
      (m) => m.subject,
    );
  const rowOf = async (n: string) =>
    site.db.selectFrom('event_registrations').selectAll().where('email', '=', `${n}@voorbeeld.nl`).executeTakeFirstOrThrow();
  const key = async (n: string) => {
    const { signSeatLink } = await import('./index.ts');
    const r = await rowOf(n);
    return { user: null, key: signSeatLink(site.config.sessionSecret, r.id, r.link_nonce) };
  };
  return { ...site, team, id, states, mails, rowOf, key };
}

describe('events: seats and the waiting list', () => {
  test('full → waiting in order of arrival; a freed seat is held 48 h for the first; lapse and decline pass it on at once', async (t) => {
    const s = await setup(t);
    for (const n of ['a', 'b', 'c', 'd', 'e']) await registerDirect(s.db, s.config, s.id, person(n), at(1));
    assert.deepEqual(await s.states(), { a: 'confirmed', b: 'confirmed', c: 'waiting', d: 'waiting', e: 'waiting' });
    // /mijn's place in line, from the one query for all of a person's seats.
    const placeOf = async (n: string) =>
      (
        await mySeats(s.db, {
          id: 'nobody',
          email: `${n}@voorbeeld.nl`,
          name: n,
          role: 'applicant',
          institutionBrin: null,
          institutionName: null,
        })
      )[0]?.place;
    assert.deepEqual([await placeOf('b'), await placeOf('c'), await placeOf('e')], [null, 1, 3]);
    assert.deepEqual(await s.mails('c@voorbeeld.nl'), ['Op de wachtlijst: Leernetwerk praktijkbegeleiding']);
    const waitMail = await s.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'd@voorbeeld.nl')
      .executeTakeFirstOrThrow();
    assert.match(waitMail.body_text, /op plaats 2\./);
    assert.match(waitMail.body_text, /op volgorde van aanmelding/);
    // The organiser heard at 100 % (2 of 2), once; 80 % is passed by then.
    assert.deepEqual(await s.mails('organisator@programma.nl'), ['Vol: Leernetwerk praktijkbegeleiding']);

    // a cancels at T0+2h: c is offered the seat until T0+50h.
    assert.equal(await withdraw(s.db, s.config, await s.key('a'), (await s.rowOf('a')).id, at(2)), 'cancelled');
    assert.deepEqual(await s.states(), { a: 'cancelled', b: 'confirmed', c: 'offered', d: 'waiting', e: 'waiting' });
    assert.deepEqual([await placeOf('c'), await placeOf('d'), await placeOf('e')], [null, 1, 2], 'the one offered no longer waits');
    assert.equal((await s.rowOf('c')).offer_expires_at, at(50).toISOString());
    assert.deepEqual((await s.mails('c@voorbeeld.nl')).at(-1), 'Er is een plek voor u vrij: Leernetwerk praktijkbegeleiding');
    const cancelMail = await s.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'a@voorbeeld.nl')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(String(cancelMail.attachments), /annulering\.ics/);

    // Before it lapses nothing moves; right after, d has it (and c is told).
    await runEventJobs(s.db, s.config, at(49));
    assert.equal((await s.rowOf('c')).state, 'offered');
    await runEventJobs(s.db, s.config, at(50));
    assert.deepEqual(await s.states(), { a: 'cancelled', b: 'confirmed', c: 'expired', d: 'offered', e: 'waiting' });
    assert.equal((await s.mails('c@voorbeeld.nl')).at(-1), 'Aanbod verlopen: Leernetwerk praktijkbegeleiding');
    // c's link after the lapse: a clear refusal, nothing changed.
    await assert.rejects(acceptOffer(s.db, s.config, await s.key('c'), (await s.rowOf('c')).id, at(51)), /Dit aanbod geldt niet meer/);
    assert.equal((await s.rowOf('c')).state, 'expired');

    // d declines: e is offered at once; e accepts and gets the invitation.
    assert.equal(await withdraw(s.db, s.config, await s.key('d'), (await s.rowOf('d')).id, at(52)), 'declined');
    assert.equal((await s.rowOf('e')).state, 'offered');
    assert.equal(await acceptOffer(s.db, s.config, await s.key('e'), (await s.rowOf('e')).id, at(53)), 'confirmed');
    assert.equal(await acceptOffer(s.db, s.config, await s.key('e'), (await s.rowOf('e')).id, at(54)), 'already', 'twice: nothing changes');
    assert.deepEqual(await s.states(), { a: 'cancelled', b: 'confirmed', c: 'expired', d: 'declined', e: 'confirmed' });
    const confirmation = await s.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'e@voorbeeld.nl')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(confirmation.body_text, /Wanneer: woensdag 10 maart 2027, 14:00–17:00 uur/);
    assert.match(confirmation.body_text, /Waar: Jaarbeurs, Utrecht/);
  });

  test('the windows are settings: with 12 hours to decide and 6 open hours, the offer and the rule in mail and page follow', async (t) => {
    const s = await setup(t);
    await setSetting(s.db, 'events.offer_hours', '12');
    await setSetting(s.db, 'events.open_window_hours', '6');
    for (const n of ['a', 'b', 'c']) await registerDirect(s.db, s.config, s.id, person(n), at(1));
    const waitMail = await s.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'c@voorbeeld.nl')
      .executeTakeFirstOrThrow();
    assert.match(waitMail.body_text, /die plek 12 uur aangeboden \(of tot 6 uur voor de start, als dat eerder is\)\. In de laatste 6 uur/);
    assert.equal(await withdraw(s.db, s.config, await s.key('a'), (await s.rowOf('a')).id, at(2)), 'cancelled');
    assert.equal((await s.rowOf('c')).offer_expires_at, at(14).toISOString());
    const page = await s.app.inject({ url: `/bijeenkomsten/${s.id}` });
    assert.match(page.body, /die plek 12 uur aangeboden/);
    assert.doesNotMatch(page.body, /48 uur/);
  });

  test('an offer never runs past 24 h before the start; inside those 24 h everyone on the list is told and the first to confirm wins', async (t) => {
    const s = await setup(t);
    for (const n of ['a', 'b', 'c', 'd']) await registerDirect(s.db, s.config, s.id, person(n), at(1));
    // 2027-03-09T03:00Z: 34 h before the start; the offer ends at T−24 h (10 h later), not 48 h later.
    const late = new Date(Date.parse(START) - 34 * H);
    await withdraw(s.db, s.config, await s.key('a'), (await s.rowOf('a')).id, late);
    assert.equal((await s.rowOf('c')).offer_expires_at, new Date(Date.parse(START) - 24 * H).toISOString());
    // It lapses at T−24 h: an open round, c (lapsed) is off the list, d is told.
    await runEventJobs(s.db, s.config, new Date(Date.parse(START) - 24 * H));
    assert.deepEqual(await s.states(), { a: 'cancelled', b: 'confirmed', c: 'expired', d: 'waiting' });
    assert.equal((await s.mails('d@voorbeeld.nl')).at(-1), 'Er is een plek vrij: Leernetwerk praktijkbegeleiding');
    // A newcomer joins the list and hears of the free seat too; two click "Ik kom": one wins.
    await registerDirect(s.db, s.config, s.id, person('f'), new Date(Date.parse(START) - 20 * H));
    assert.deepEqual((await s.mails('f@voorbeeld.nl')).sort(), [
      'Er is een plek vrij: Leernetwerk praktijkbegeleiding',
      'Op de wachtlijst: Leernetwerk praktijkbegeleiding',
    ]);
    const tries = await Promise.allSettled([
      acceptOffer(s.db, s.config, await s.key('f'), (await s.rowOf('f')).id, new Date(Date.parse(START) - 19 * H)),
      acceptOffer(s.db, s.config, await s.key('d'), (await s.rowOf('d')).id, new Date(Date.parse(START) - 19 * H)),
    ]);
    assert.equal(tries.filter((r) => r.status === 'fulfilled').length, 1);
    const lost = tries.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.match(String(lost.reason), /De plek is al vergeven/);
    const states = await s.states();
    assert.equal(Object.values(states).filter((v) => v === 'confirmed').length, 2);
    assert.equal(Object.values(states).filter((v) => v === 'waiting').length, 1, 'the loser stays on the list');
  });

  test('no offer after the registration deadline or once the event began; cancelling after the start is refused', async (t) => {
    const s = await setup(t, { deadline: new Date(Date.parse(START) - 72 * H).toISOString() });
    for (const n of ['a', 'b', 'c']) await registerDirect(s.db, s.config, s.id, person(n), at(1));
    const afterDeadline = new Date(Date.parse(START) - 60 * H);
    await assert.rejects(registerDirect(s.db, s.config, s.id, person('x'), afterDeadline), /Aanmelden is gesloten/);
    await withdraw(s.db, s.config, await s.key('a'), (await s.rowOf('a')).id, afterDeadline);
    await runEventJobs(s.db, s.config, new Date(Date.parse(START) - 2 * H));
    assert.deepEqual(await s.states(), { a: 'cancelled', b: 'confirmed', c: 'waiting' });
    assert.deepEqual(await s.mails('c@voorbeeld.nl'), ['Op de wachtlijst: Leernetwerk praktijkbegeleiding'], 'no offer mail');
    await assert.rejects(
      withdraw(s.db, s.config, await s.key('b'), (await s.rowOf('b')).id, new Date(Date.parse(START) + H)),
      /al begonnen/,
    );
    assert.equal((await s.rowOf('b')).state, 'confirmed');
  });

  test('registering twice makes one registration; a guest is registered only through the confirmation link, once', async (t) => {
    const s = await setup(t, { capacity: 10 });
    await registerDirect(s.db, s.config, s.id, person('a'), at(1));
    await assert.rejects(registerDirect(s.db, s.config, s.id, person('a'), at(2)), AlreadyRegisteredError);
    await requestGuestRegistration(s.db, s.config, s.id, { name: 'Gast', email: 'gast@voorbeeld.nl', answers: {} }, at(3));
    assert.deepEqual(await s.states(), { a: 'confirmed' }, 'nothing registered before the click');
    const mail = await s.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', 'gast@voorbeeld.nl')
      .executeTakeFirstOrThrow();
    const token = decodeURIComponent(/bevestigen\?token=([^\s]+)/.exec(mail.body_text)?.[1] ?? '');
    const done = await confirmGuest(s.db, s.config, s.id, token, at(4));
    assert.equal(done.state, 'confirmed');
    await assert.rejects(confirmGuest(s.db, s.config, s.id, token, at(5)), /bevestigingslink werkt niet meer/);
    assert.deepEqual(await s.states(), { a: 'confirmed', gast: 'confirmed' });
    // Three links an hour per address, then a clear refusal.
    for (let i = 0; i < 3; i++)
      await requestGuestRegistration(s.db, s.config, s.id, { name: 'B', email: 'b@voorbeeld.nl', answers: {} }, at(6));
    await assert.rejects(
      requestGuestRegistration(s.db, s.config, s.id, { name: 'B', email: 'b@voorbeeld.nl', answers: {} }, at(6)),
      /Te vaak/,
    );
  });

  test('the team: fewer places than taken is refused with the number; a new time raises SEQUENCE; more places go to the list; cancelling tells everyone', async (t) => {
    const s = await setup(t);
    for (const n of ['a', 'b', 'c']) await registerDirect(s.db, s.config, s.id, person(n), at(1));
    assert.deepEqual(await updateEventDetails(s.db, s.config, s.team, s.id, input({ capacity: 1 }), at(2)), {
      field: 'capacity',
      message: 'Er hebben al 2 mensen een plek (aangemeld of aangeboden); het aantal plaatsen kan niet lager dan 2',
    });
    const moved = input({
      capacity: 3,
      startsAt: '2027-03-10T14:00:00.000Z',
      endsAt: '2027-03-10T17:00:00.000Z',
      deadline: '2027-03-10T14:00:00.000Z',
    });
    assert.equal(await updateEventDetails(s.db, s.config, s.team, s.id, moved, at(3)), null);
    assert.equal((await s.rowOf('c')).state, 'offered', 'the new place goes to the first in line');
    const changed = await s.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'a@voorbeeld.nl')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(changed.subject, 'Gewijzigd: Leernetwerk praktijkbegeleiding');
    const first = await s.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'a@voorbeeld.nl')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const ics = (m: typeof first) => Buffer.from(JSON.parse(String(m.attachments))[0].base64, 'base64').toString();
    const before = new ICAL.Component(ICAL.parse(ics(first))).getFirstSubcomponent('vevent');
    const after = new ICAL.Component(ICAL.parse(ics(changed))).getFirstSubcomponent('vevent');
    assert.equal(after?.getFirstPropertyValue('uid'), before?.getFirstPropertyValue('uid'));
    assert.equal(Number(before?.getFirstPropertyValue('sequence')), 0);
    assert.equal(Number(after?.getFirstPropertyValue('sequence')), 1);
    assert.equal((after?.getFirstPropertyValue('dtstart') as ICAL.Time | undefined)?.toJSDate().toISOString(), '2027-03-10T14:00:00.000Z');
    assert.match(String(after?.getFirstProperty('organizer')?.getFirstValue()), /organisator@programma\.nl/i);
    assert.match(String(after?.getFirstProperty('attendee')?.getFirstValue()), /a@voorbeeld\.nl/i);

    await cancelEvent(s.db, s.config, s.team, s.id, 'De spreker is ziek.', at(4));
    for (const n of ['a', 'b', 'c']) {
      const m = await s.db
        .selectFrom('outbox')
        .selectAll()
        .where('to_address', '=', `${n}@voorbeeld.nl`)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(m.subject, 'Gaat niet door: Leernetwerk praktijkbegeleiding');
      assert.match(m.body_text, /Reden: De spreker is ziek\./);
    }
    const cancel = await s.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'a@voorbeeld.nl')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const vcal = new ICAL.Component(ICAL.parse(ics(cancel)));
    assert.equal(vcal.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(Number(vcal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('sequence')), 2);
  });

  test('the form refuses an end before the start, a deadline after it, an hour that does not exist (DST) and a negative capacity, all at once', () => {
    const form = parseForm(eventSchema, {
      title: 'X',
      description: 'Y',
      audiences: 'hogeschool',
      mode: 'location',
      address: 'Utrecht',
      date: '2027-03-28',
      start: '02:30',
      end: '01:00',
      deadline_date: '2027-03-29',
      deadline_time: '10:00',
      capacity: '-5',
    });
    assert.equal(form.ok, false);
    const messages = Object.fromEntries((form.ok ? [] : form.errors).map((e) => [e.field, e.message]));
    assert.match(messages.start ?? '', /bestaat 02:30 niet/);
    assert.match(messages.capacity ?? '', /minstens 1/);
    const ok = parseForm(eventSchema, {
      title: 'X',
      description: 'Y',
      audiences: 'hogeschool',
      mode: 'location',
      address: 'U',
      date: '2027-03-28',
      start: '10:00',
      end: '09:00',
    });
    assert.equal(ok.ok, false);
    assert.match((ok.ok ? [] : ok.errors).find((e) => e.field === 'end')?.message ?? '', /voor of op de begintijd/);
    const late = parseForm(eventSchema, {
      title: 'X',
      description: 'Y',
      audiences: 'hogeschool',
      mode: 'location',
      address: 'U',
      date: '2027-03-28',
      start: '10:00',
      end: '12:00',
      deadline_date: '2027-03-29',
      deadline_time: '09:00',
    });
    assert.match((late.ok ? [] : late.errors).find((e) => e.field === 'deadline_date')?.message ?? '', /niet erna/);
    // The week summer time starts: 10:00 in Amsterdam is 08:00 UTC on the 28th (CEST), 09:00 UTC the day before (CET).
    const dst = parseForm(eventSchema, {
      title: 'X',
      description: 'Y',
      audiences: 'hogeschool',
      mode: 'location',
      address: 'U',
      date: '2027-03-28',
      start: '10:00',
      end: '12:00',
    });
    assert.ok(dst.ok);
    assert.equal(eventInput(dst.data).startsAt, '2027-03-28T08:00:00.000Z');
  });

  test('an invitation in the week of a DST change reads back as the same instant in ical.js', async (t) => {
    const s = await setup(t, {
      startsAt: '2027-03-28T08:00:00.000Z',
      endsAt: '2027-03-28T10:00:00.000Z',
      deadline: '2027-03-28T08:00:00.000Z',
    });
    await registerDirect(s.db, s.config, s.id, person('a'), at(1));
    const m = await s.db.selectFrom('outbox').selectAll().where('to_address', '=', 'a@voorbeeld.nl').executeTakeFirstOrThrow();
    const text = Buffer.from(JSON.parse(String(m.attachments))[0].base64, 'base64').toString();
    assert.match(text, /BEGIN:VTIMEZONE/);
    assert.match(text, /DTSTART;TZID=Europe\/Amsterdam:20270328T100000/);
    const vcal = new ICAL.Component(ICAL.parse(text));
    for (const tz of vcal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const ev = new ICAL.Event(vcal.getFirstSubcomponent('vevent') as ICAL.Component);
    assert.equal(ev.startDate.toJSDate().toISOString(), '2027-03-28T08:00:00.000Z');
    assert.equal(vcal.getFirstPropertyValue('method'), 'REQUEST');
  });

  test('reminders: once, the configured hours before; not for someone who registered after that moment', async (t) => {
    const s = await setup(t, { capacity: 10 });
    await registerDirect(s.db, s.config, s.id, person('a'), at(1));
    const moment = Date.parse(START) - 48 * H;
    await registerDirect(s.db, s.config, s.id, person('late'), new Date(moment + H));
    assert.equal(await runEventJobs(s.db, s.config, new Date(moment - 60_000)), 0);
    assert.equal(await runEventJobs(s.db, s.config, new Date(moment + 2 * H)), 1);
    assert.equal(await runEventJobs(s.db, s.config, new Date(moment + 3 * H)), 0, 'once per person');
    const m = await s.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'a@voorbeeld.nl')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(m.subject, 'Herinnering: Leernetwerk praktijkbegeleiding');
    assert.match(m.body_text, /Neem uw laptop mee\./);
    assert.deepEqual(await s.mails('late@voorbeeld.nl'), ['Aangemeld: Leernetwerk praktijkbegeleiding']);
  });

  test('the organiser hears at 80 % and at 100 %, once each', async (t) => {
    const s = await setup(t, { capacity: 5 });
    for (const n of ['a', 'b', 'c', 'd']) await registerDirect(s.db, s.config, s.id, person(n), at(1));
    assert.deepEqual(await s.mails('organisator@programma.nl'), ['80% vol: Leernetwerk praktijkbegeleiding']);
    await registerDirect(s.db, s.config, s.id, person('e'), at(1.5));
    await withdraw(s.db, s.config, await s.key('e'), (await s.rowOf('e')).id, at(2));
    await registerDirect(s.db, s.config, s.id, person('f'), at(3));
    assert.deepEqual(await s.mails('organisator@programma.nl'), [
      '80% vol: Leernetwerk praktijkbegeleiding',
      'Vol: Leernetwerk praktijkbegeleiding',
    ]);
  });

  test('attendance: by code and from the list, the rest as not come, a CSV with formulas escaped, and the hogeschool route timeline', async (t) => {
    const s = await setup(t, {
      capacity: 10,
      startsAt: at(30).toISOString(),
      endsAt: at(33).toISOString(),
      deadline: at(30).toISOString(),
    });
    const site = { db: s.db, config: s.config };
    const applicant = await user(s.db, 'docent@avans.nl', 'applicant', { name: 'Dina Docent' });
    const made = await registration(site, 'accepted', { applicant, team: s.team });
    const docent = await signIn(s.app, s.db, 'docent@avans.nl');
    await registerDirect(s.db, s.config, s.id, { userId: applicant.id, name: 'Dina Docent', email: 'docent@avans.nl', answers: {} }, at(1));
    await registerDirect(s.db, s.config, s.id, { ...person('x'), name: '=HYPERLINK("http://kwaad")' }, at(1));
    await registerDirect(s.db, s.config, s.id, person('y'), at(1));
    await assert.rejects(markAttendance(s.db, s.config, s.team, s.id, { code: 'ZZZZZZ' }, 'present', at(30)), /Code onbekend/);
    const code = (
      await s.db.selectFrom('event_registrations').select('code').where('email', '=', 'docent@avans.nl').executeTakeFirstOrThrow()
    ).code;
    await assert.rejects(markAttendance(s.db, s.config, s.team, s.id, { code }, 'present', at(2)), /Nog niet/);
    assert.deepEqual(await markAttendance(s.db, s.config, s.team, s.id, { code }, 'present', at(30)), { name: 'Dina Docent' });
    assert.equal(await markRestAbsent(s.db, s.team, s.id, at(34)), 2);
    const csv = await attendanceCsv(s.db, s.id);
    assert.equal(csv.rows, 3);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'naam,e-mailadres,status,aanwezigheid,code,aangemeld op');
    assert.match(lines[1] ?? '', /^Dina Docent,docent@avans\.nl,Aangemeld,Aanwezig,/);
    assert.match(lines[2] ?? '', /^"'=HYPERLINK\(""http:\/\/kwaad""\)",x@voorbeeld\.nl,Aangemeld,Niet gekomen,/);
    const timeline = await s.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('subject_id', '=', made.id)
      .where('action', '=', 'registration.event_attended')
      .execute();
    assert.equal(timeline.length, 1);
    assert.deepEqual(JSON.parse(String(timeline[0]?.detail)), { event: 'Leernetwerk praktijkbegeleiding', startsAt: at(30).toISOString() });
    const page = await docent.get(`/aanmeldingen/${made.id}`);
    // Her own list: the event as past, with her attendance.
    assert.match((await docent.get('/mijn')).body, /Leernetwerk praktijkbegeleiding<\/a><span class="mkb-meta"> · [^<]*· Aanwezig<\/span>/);
    assert.match(page.body, /Iemand van uw hogeschool was bij de bijeenkomst Leernetwerk praktijkbegeleiding/);
  });

  test('a link: someone signed in as another person is refused, a tampered key too, and nothing changes', async (t) => {
    const s = await setup(t, { capacity: 10 });
    const owner = await user(s.db, 'eigenaar@avans.nl', 'applicant');
    const outcome = await registerDirect(
      s.db,
      s.config,
      s.id,
      { userId: owner.id, name: 'Eigenaar', email: 'eigenaar@avans.nl', answers: {} },
      at(1),
    );
    const row = await s.db.selectFrom('event_registrations').selectAll().where('id', '=', outcome.registrationId).executeTakeFirstOrThrow();
    const { signSeatLink } = await import('./index.ts');
    const key = signSeatLink(s.config.sessionSecret, row.id, row.link_nonce);
    const other = await user(s.db, 'ander@hva.nl', 'applicant', { brin: '21QA' });
    await assert.rejects(withdraw(s.db, s.config, { user: other, key }, row.id, at(2)), /van iemand anders/);
    await assert.rejects(withdraw(s.db, s.config, { user: null, key: `${key}x` }, row.id, at(2)), /Deze link werkt niet/);
    const after = await s.db.selectFrom('event_registrations').select('state').where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(after.state, 'confirmed');
  });

  test('over HTTP: places left are exact through the render cache; a guest form with errors keeps what was typed; a robot filling the hidden field gets the same answer and nothing is stored', async (t) => {
    const start = new Date(Date.now() + 10 * 24 * H).toISOString();
    const s = await setup(
      t,
      { capacity: 2, startsAt: start, endsAt: new Date(Date.parse(start) + H).toISOString(), deadline: start },
      new Date(),
    );
    const visitor = new Client(s.app);
    const page = `/bijeenkomsten/${s.id}`;
    assert.match((await visitor.get(page)).body, /Nog 2 plekken/);
    assert.match((await visitor.get(page)).body, /Nog 2 plekken/, 'from the cache');
    await registerDirect(s.db, s.config, s.id, person('a'));
    assert.match((await visitor.get(page)).body, /Nog 1 plek</);
    assert.match((await visitor.get('/bijeenkomsten')).body, /Nog 1 plek</);
    assert.match((await visitor.get('/sitemap.xml')).body, new RegExp(`/bijeenkomsten/${s.id}<`));
    // On the home page, under "Binnenkort".
    assert.match(
      (await visitor.get('/')).body,
      /id="bijeenkomsten-titel">Binnenkort<\/h2><ul class="mkb-cards"><li class="mkb-card"><h3 class="utrecht-heading-3"><a class="utrecht-link" href="\/bijeenkomsten\/[^"]+">Leernetwerk praktijkbegeleiding/,
    );
    assert.match((await visitor.get('/feed.xml')).body, /<title>Bijeenkomst: Leernetwerk praktijkbegeleiding<\/title>/);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec((await visitor.get(page)).body)?.[1] ?? '';
    assert.deepEqual(
      { ...JSON.parse(json), description: undefined },
      {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Leernetwerk praktijkbegeleiding',
        startDate: start,
        endDate: new Date(Date.parse(start) + H).toISOString(),
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: { '@type': 'Place', name: 'Jaarbeurs, Utrecht', address: 'Jaarbeurs, Utrecht' },
        organizer: { '@type': 'Organization', name: 'Programma Mkb-route in het hbo', url: 'http://localhost:3000' },
        url: `http://localhost:3000${page}`,
        maximumAttendeeCapacity: 2,
        remainingAttendeeCapacity: 1,
        isAccessibleForFree: true,
        inLanguage: 'nl',
        description: undefined,
      },
    );

    await visitor.get(`${page}/aanmelden`);
    const bad = await visitor.post(`${page}/aanmelden`, { name: 'Gijs Gast', email: 'gijs@' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul een geldig e-mailadres in/);
    assert.match(bad.body, /value="Gijs Gast"/);
    const robot = await visitor.post(`${page}/aanmelden`, { name: 'Robot', email: 'robot@spam.example', website: 'http://spam.example' });
    assert.equal(robot.statusCode, 303);
    assert.equal(robot.headers.location, `${page}/aanmelden?verstuurd=robot%40spam.example`);
    assert.equal(
      await s.db
        .selectFrom('event_pending')
        .select('id')
        .execute()
        .then((r) => r.length),
      0,
    );
    assert.deepEqual(await s.mails('robot@spam.example'), []);
    // The team copies the event: the same content, "(kopie)" in the title, a date still to choose.
    const team = await signIn(s.app, s.db, 'organisator@programma.nl');
    const copy = await team.get(`/beheer/bijeenkomsten/nieuw?kopie=${s.id}`);
    assert.match(copy.body, /value="Leernetwerk praktijkbegeleiding \(kopie\)"/);
    assert.match(copy.body, /value="Jaarbeurs, Utrecht"/);
    assert.match(copy.body, /id="veld-date" name="date" type="date" value aria-required/);
    const person2 = await visitor.post(`${page}/aanmelden`, { name: 'Gijs Gast', email: 'Gijs@Bouw.nl' });
    assert.equal(person2.statusCode, 303);
    assert.deepEqual(await s.mails('gijs@bouw.nl'), ['Bevestig uw aanmelding: Leernetwerk praktijkbegeleiding']);
    // Thirty posts a quarter of an hour from one address; the next is refused with a page that says why.
    for (let i = 3; i < 30; i++) assert.equal((await visitor.post(`${page}/aanmelden`, { name: '', email: '' })).statusCode, 422);
    const limited = await visitor.post(`${page}/aanmelden`, { name: 'Gijs', email: 'gijs@bouw.nl' });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Te veel verzoeken/);
  });

  test('bad input on every events form: a Dutch message, nothing lost, never a 500', async (t) => {
    const start = new Date(Date.now() + 10 * 24 * H).toISOString();
    const s = await setup(
      t,
      { capacity: 1, startsAt: start, endsAt: new Date(Date.parse(start) + H).toISOString(), deadline: start },
      new Date(),
    );
    const team = await signIn(s.app, s.db, 'organisator@programma.nl');
    await team.get('/beheer/bijeenkomsten/nieuw');
    const junk = {
      title: 'x'.repeat(201),
      description: '',
      audiences: 'iedereen',
      mode: 'ergens',
      capacity: 'veel',
      reminder_hours: '-3',
      link: 'ftp://x',
      date: '31-02-2027',
      start: '25:00',
      end: '',
      q1_label: '',
      q1_options: 'a\nb',
      q2_label: 'Kies',
      q2_kind: 'choice',
      q2_options: 'alleen één',
      organiser: 'niet-iemand',
    };
    const bad = await team.post('/beheer/bijeenkomsten', junk);
    assert.equal(bad.statusCode, 422);
    for (const message of [
      'De titel is hooguit 200 tekens lang',
      'Schrijf wat de bijeenkomst inhoudt',
      'Kies online of op locatie',
      'Vul de datum in als dd-mm-jjjj',
      'Vul de begintijd in als uu:mm',
      'Vul de eindtijd in',
      'Vul bij het aantal plaatsen een heel getal in',
      'Vul vraag 1 in, of maak de keuzes leeg',
      'Geef bij vraag 2 minstens twee keuzes',
    ])
      assert.ok(bad.body.includes(message), `message: ${message}`);
    assert.match(bad.body, /value="x{201}"/, 'the long title is kept to shorten, not cut');
    assert.equal(
      await s.db
        .selectFrom('events')
        .select('id')
        .execute()
        .then((r) => r.length),
      1,
      'nothing stored',
    );
    // An organiser who is not on the team, on an otherwise good form.
    const good = {
      title: 'T',
      description: 'D',
      audiences: 'hogeschool',
      mode: 'online',
      link: 'https://meet.example/t',
      date: '2027-05-01',
      start: '10:00',
      end: '11:00',
    };
    const stranger = await team.post('/beheer/bijeenkomsten', { ...good, organiser: '00000000-0000-4000-8000-000000000000' });
    assert.equal(stranger.statusCode, 422);
    assert.match(stranger.body, /Kies een organisator uit het team/);
    const edited = await team.post(`/beheer/bijeenkomsten/${s.id}`, { ...good, organiser: '00000000-0000-4000-8000-000000000000' });
    assert.equal(edited.statusCode, 422);
    // Attendance before the day, a cancel without a reason, an unknown event: pages, not 500s.
    await team.get(`/beheer/bijeenkomsten/${s.id}`);
    const early = await team.post(`/beheer/bijeenkomsten/${s.id}/aanwezigheid`, { code: 'ABCDEF' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /Aanwezigheid leg je vast vanaf de dag van de bijeenkomst/);
    const noReason = await team.post(`/beheer/bijeenkomsten/${s.id}/annuleren`, { reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Vul een reden in/);
    assert.equal((await team.get('/beheer/bijeenkomsten/bestaat-niet')).statusCode, 404);
    const visitor = new Client(s.app);
    assert.equal((await visitor.get('/bijeenkomsten/bestaat-niet')).statusCode, 404);
    assert.equal((await visitor.get(`/bijeenkomsten/aanmelding/bestaat-niet?sleutel=x`)).statusCode, 404);
    assert.equal((await visitor.get(`/bijeenkomsten/${s.id}/bevestigen?token=${'x'.repeat(500)}`)).statusCode, 410);
    // A signed-in registration with a required question left empty keeps the page and says which.
    await team.post(`/beheer/bijeenkomsten/${s.id}`, {
      ...good,
      title: 'Leernetwerk praktijkbegeleiding',
      date: start.slice(0, 10),
      start: '23:00',
      end: '23:30',
      capacity: '1',
      q1_label: 'Uw functie',
      q1_required: 'ja',
    });
    await user(s.db, 'docent@avans.nl', 'applicant');
    const me = await signIn(s.app, s.db, 'docent@avans.nl');
    assert.match((await me.get(`/bijeenkomsten/${s.id}`)).body, /Uw functie/);
    const unanswered = await me.post(`/bijeenkomsten/${s.id}/aanmelden`, { answer_q1: '' });
    assert.equal(unanswered.statusCode, 422);
    assert.match(unanswered.body, /Beantwoord de vraag &quot;Uw functie&quot;/);
    assert.equal(
      await s.db
        .selectFrom('event_registrations')
        .select('id')
        .execute()
        .then((r) => r.length),
      0,
    );
  });
});
