import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, countRows, signIn } from '../../../test/helpers.ts';
import { buildInvite } from '../../platform/calendar.ts';
import { decodeAttachments } from '../../platform/mail/repo.ts';
import { ensureUser } from '../accounts/index.ts';
import { book, cancel } from './booking.ts';
import { runKickoffReminders } from './reminders.ts';
import { amsterdamToUtc, signLink, verifyLink, weeklyDates, withinNotice } from './rules.ts';
import { teamOverview } from './slots.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;
const DAY = 86_400_000;

/** A registration taken through assessment to acceptance, with C3 judged "partly" and a condition. */
/** An accepted registration (through the services), with Anna and Tessa signed in as browsers. */
async function accepted(site: Site) {
  const tessaUser = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
  const verdicts = {
    C1: { verdict: 'meets' as const, explanation: '' },
    C2: { verdict: 'meets' as const, explanation: '' },
    C3: { verdict: 'partly' as const, explanation: 'Model ontbreekt' },
    C4: { verdict: 'meets' as const, explanation: '' },
    C5: { verdict: 'unclear' as const, explanation: 'Rol branche onduidelijk' },
  };
  const { id } = await registration(site, 'accepted', { team: tessaUser, verdicts, conditions: 'Jaarlijks monitoren' });
  const anna = await signIn(site.app, site.db, 'anna@avans.nl');
  const tessa = await signIn(site.app, site.db, 'tessa@programma.nl');
  const kickoff = await site.db.selectFrom('kickoffs').selectAll().where('registration_id', '=', id).executeTakeFirstOrThrow();
  return { anna, tessa, tessaId: tessaUser.id, id, kickoff };
}

async function addSlot(tessa: Client, tessaId: string, date: string, time: string, extra: Record<string, string> = {}) {
  await tessa.get('/beheer/startgesprekken');
  return tessa.post('/beheer/startgesprekken/tijden', {
    soort: 'los',
    host: tessaId,
    date,
    time,
    duration: '60',
    mode: 'online',
    link: 'https://meet.example/mkb',
    ...extra,
  });
}

const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

function invitationsIn(rows: { attachments: string | null }[]) {
  return rows.flatMap((r) => decodeAttachments(r.attachments)).filter((a) => a.contentType.startsWith('text/calendar'));
}

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
  return { cal, event };
}

describe('kick-off rules', () => {
  test('Amsterdam wall time to UTC across both DST changes; the skipped hour does not exist', () => {
    assert.equal(amsterdamToUtc('2026-10-23', '17:00'), '2026-10-23T15:00:00.000Z', 'summer time, +2');
    assert.equal(amsterdamToUtc('2026-10-26', '17:00'), '2026-10-26T16:00:00.000Z', 'winter time, +1');
    assert.equal(amsterdamToUtc('2027-03-28', '02:30'), null, 'the clock jumps from 02:00 to 03:00');
    assert.equal(amsterdamToUtc('2026-02-30', '10:00'), null);
  });

  test('a weekly pattern keeps the local time over the DST change', () => {
    const dates = weeklyDates('2026-10-19', '2026-11-02', 1);
    assert.deepEqual(dates, ['2026-10-19', '2026-10-26', '2026-11-02']);
    assert.deepEqual(
      dates.map((d) => amsterdamToUtc(d, '10:00')),
      ['2026-10-19T08:00:00.000Z', '2026-10-26T09:00:00.000Z', '2026-11-02T09:00:00.000Z'],
    );
  });

  test('an invitation stamps itself in UTC with the Z that RFC 5545 asks for', () => {
    const before = new Date();
    const ics = buildInvite({
      calendarName: 'Startgesprek Mkb-route in het hbo',
      uid: 'u@x',
      sequence: 0,
      method: 'REQUEST',
      startsAt: '2026-12-03T09:00:00.000Z',
      endsAt: '2026-12-03T10:00:00.000Z',
      summary: 's',
      description: 'd',
      location: 'l',
      url: null,
      organizer: { name: 'O', email: 'o@example.nl' },
      attendees: [{ name: 'a', email: 'a@example.nl' }],
    });
    const stamp = /^DTSTAMP:(\d{8}T\d{6}Z)\r$/m.exec(ics)?.[1] ?? '';
    assert.match(stamp, /^\d{8}T\d{6}Z$/);
    const parsed = Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    assert.ok(Math.abs(parsed - before.getTime()) < 5_000, 'the stamp is now, in UTC');
    assert.match(ics, /^DTSTART;TZID=Europe\/Amsterdam:20261203T100000\r$/m);
  });

  test('notice period and signed links', () => {
    const now = new Date('2026-10-01T10:00:00Z');
    assert.equal(withinNotice('2026-10-02T10:00:00Z', now, 24), true);
    assert.equal(withinNotice('2026-10-02T09:59:00Z', now, 24), false);
    const sig = signLink('s'.repeat(32), 'k1', 'n1');
    assert.equal(verifyLink('s'.repeat(32), 'k1', 'n1', sig), true);
    assert.equal(verifyLink('s'.repeat(32), 'k1', 'n2', sig), false, 'a new nonce voids the old link');
    assert.equal(verifyLink('s'.repeat(32), 'k1', 'n1', `${sig.slice(0, -1)}x`), false);
    assert.equal(verifyLink('s'.repeat(32), 'k1', 'n1', ['x']), false);
  });
});

describe('kick-off: slots', () => {
  test('a team member publishes slots one by one and weekly; overlaps and the past are refused; times read in Amsterdam', async (t) => {
    const site = await buildTestApp(t);
    const tessaId = await ensureUser(site.db, { email: 'tessa@programma.nl', role: 'team', name: 'Tessa Team' });
    const tessa = await signIn(site.app, site.db, 'tessa@programma.nl');
    const date = inDays(10);
    assert.equal((await addSlot(tessa, tessaId, date, '14:00')).statusCode, 303);
    const overlap = await addSlot(tessa, tessaId, date, '14:30');
    assert.equal(overlap.statusCode, 409);
    assert.match(overlap.body, /Overlap met een ander tijdstip/);
    assert.equal((await addSlot(tessa, tessaId, inDays(-1), '10:00')).statusCode, 409);
    const bad = await addSlot(tessa, tessaId, date, '25:00', { mode: 'online', link: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul de begintijd in als uu:mm/);
    assert.match(bad.body, /Vul de link naar het online gesprek in/);
    // Dates as Dutch people write them (dd-mm-jjjj) and times as 9.30 are read as the same day and time.
    const dutch = inDays(20).split('-').reverse().join('-');
    assert.equal((await addSlot(tessa, tessaId, dutch, '9.30')).statusCode, 303);
    const stored = await site.db.selectFrom('slots').select('starts_at').orderBy('starts_at', 'desc').executeTakeFirstOrThrow();
    assert.equal(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(
        new Date(stored.starts_at),
      ),
      `${inDays(20)} 09:30`,
    );
    await site.db.deleteFrom('slots').where('starts_at', '=', stored.starts_at).execute();
    const unreadable = await addSlot(tessa, tessaId, '31-02-2027', '10:00');
    assert.match(unreadable.body, /Vul de datum in als dd-mm-jjjj, zoals 01-09-2027/);
    assert.match(unreadable.body, /name="date" type="text" value="31-02-2027"/, 'what was typed stays, in a text box');
    const series = await tessa.post('/beheer/startgesprekken/tijden', {
      soort: 'reeks',
      host: tessaId,
      from: inDays(14),
      to: inDays(34),
      weekday: '2',
      time: '09:00',
      duration: '45',
      mode: 'location',
      address: 'Jaarbeursplein 6, Utrecht',
    });
    assert.equal(series.statusCode, 303);
    assert.equal(await countRows(site.db, 'slots'), 4);
    const page = await tessa.get('/beheer/startgesprekken');
    assert.match(page.body, /14:00–15:00 uur/);
    assert.equal([...page.body.matchAll(/<td>[^<]*09:00–09:45 uur<\/td>/g)].length, 3);
  });
});

describe('kick-off: booking and calendar', () => {
  test('acceptance invites; booking by the signed link sends an .ics to both sides that ical.js reads back exactly', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, kickoff, id, anna } = await accepted(site);
    const invite = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('subject', 'like', 'Plan het startgesprek%')
      .execute();
    assert.deepEqual(invite.map((m) => m.to_address).sort(), ['anna@avans.nl', 'bram@avans.nl']);
    const link = /(\/startgesprek\/[0-9a-f-]+\?sleutel=[\w-]+)/.exec(invite[0]?.body_text ?? '')?.[1] ?? '';
    assert.match((await anna.get('/mijn')).body, /Plan het startgesprek voor Ad Technische Bedrijfskunde/);

    // The week of the October 2027 change (Sunday 31 October): Friday is summer time, Monday winter time.
    await addSlot(tessa, tessaId, '2027-10-29', '10:00');
    await addSlot(tessa, tessaId, '2027-11-01', '10:00');
    const [friday, s] = await site.db.selectFrom('slots').selectAll().orderBy('starts_at').execute();
    assert.deepEqual([friday?.starts_at, s?.starts_at], ['2027-10-29T08:00:00.000Z', '2027-11-01T09:00:00.000Z']);
    if (!s) throw new Error('no slot');

    const visitor = new Client(site.app);
    const page = await visitor.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Vrijdag 29 oktober 2027<\/h3>.*?10:00–11:00 uur/s, 'shown in Amsterdam time');
    assert.match(page.body, /Maandag 1 november 2027<\/h3>.*?10:00–11:00 uur/s);
    assert.match(page.body, /C3 driepartijenovereenkomst: Model ontbreekt/, 'agenda from the assessment');
    assert.match(page.body, /C5 samen vormgegeven: Rol branche onduidelijk/);
    assert.match(page.body, /Voorwaarden bij de toelating: Jaarlijks monitoren/);
    assert.match(page.body, /Gevraagde ondersteuning: Werving/);
    const key = /sleutel=([\w-]+)/.exec(link)?.[1] ?? '';
    const booked = await visitor.post(`/startgesprek/${kickoff.id}/boeken`, { slot: s.id, sleutel: key });
    assert.equal(booked.statusCode, 303);
    assert.equal((await site.db.selectFrom('kickoffs').select('state').executeTakeFirstOrThrow()).state, 'booked');

    const mails = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'attachments'])
      .where('subject', 'like', 'Startgesprek ingepland%')
      .execute();
    assert.deepEqual(mails.map((m) => m.to_address).sort(), ['anna@avans.nl', 'bram@avans.nl', 'tessa@programma.nl']);
    const ics = invitationsIn(mails)[0]?.content.toString() ?? '';
    const { cal, event } = parseIcs(ics);
    assert.equal(cal.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'), 'Europe/Amsterdam');
    assert.equal(event.uid, `startgesprek-${kickoff.id}@localhost`);
    assert.equal(event.sequence, 1);
    assert.equal(event.startDate.zone?.tzid, 'Europe/Amsterdam');
    assert.equal(event.startDate.toJSDate().toISOString(), s.starts_at, 'the instant survives the round trip');
    assert.match(ics, /DTSTART;TZID=Europe\/Amsterdam:20271101T100000/);
    assert.match(ics, /DTEND;TZID=Europe\/Amsterdam:20271101T110000/);
    assert.equal(event.location, 'https://meet.example/mkb');
    assert.match(event.description, /Agenda:\n1\. Kennismaking en verwachtingen\n2\. C3 driepartijenovereenkomst: Model ontbreekt/);
    assert.equal(event.organizer, 'mailto:tessa@programma.nl');
    assert.deepEqual(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()).sort(), [
      'mailto:anna@avans.nl',
      'mailto:bram@avans.nl',
    ]);

    const mine = (await anna.get('/mijn')).body;
    assert.match(mine, /Gepland: /);
    const timeline = (await anna.get(`/aanmeldingen/${id}`)).body;
    assert.match(timeline, /Startgesprek ingepland/);
  });

  test('reschedule keeps the UID and raises SEQUENCE; cancel sends METHOD:CANCEL; slots come free; old links stop working', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, kickoff, anna } = await accepted(site);
    await addSlot(tessa, tessaId, inDays(10), '10:00');
    await addSlot(tessa, tessaId, inDays(11), '10:00');
    const [first, second] = await site.db.selectFrom('slots').selectAll().orderBy('starts_at').execute();
    await anna.get(`/startgesprek/${kickoff.id}`);
    assert.equal((await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: first?.id ?? '' })).statusCode, 303);
    const oldKey = signLink('test-secret-that-is-at-least-32-characters', kickoff.id, kickoff.link_nonce);

    await anna.get(`/startgesprek/${kickoff.id}`);
    const noReason = await anna.post(`/startgesprek/${kickoff.id}/verzetten`, { slot: second?.id ?? '', reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.equal((await anna.post(`/startgesprek/${kickoff.id}/verzetten`, { slot: second?.id ?? '', reason: 'Ziek' })).statusCode, 303);
    const k = await site.db.selectFrom('kickoffs').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([k.slot_id, k.sequence], [second?.id, 2]);
    const update = invitationsIn(
      await site.db.selectFrom('outbox').select('attachments').where('subject', 'like', 'Startgesprek verzet:%').execute(),
    )[0];
    const { cal, event } = parseIcs(update?.content.toString() ?? '');
    assert.deepEqual(
      [cal.getFirstPropertyValue('method'), event.uid, event.sequence],
      ['REQUEST', `startgesprek-${kickoff.id}@localhost`, 2],
    );

    const stale = new Client(site.app);
    const refused = await stale.get(`/startgesprek/${kickoff.id}?sleutel=${oldKey}`);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Deze link werkt niet \(meer\)/);
    const tampered = await stale.get(`/startgesprek/${kickoff.id}?sleutel=abc`);
    assert.equal(tampered.statusCode, 403);

    await anna.get(`/startgesprek/${kickoff.id}`);
    assert.equal((await anna.post(`/startgesprek/${kickoff.id}/annuleren`, { reason: 'Geen tijd' })).statusCode, 303);
    const cancelled = invitationsIn(
      await site.db.selectFrom('outbox').select('attachments').where('subject', 'like', 'Startgesprek geannuleerd%').execute(),
    )[0];
    const parsed = parseIcs(cancelled?.content.toString() ?? '');
    assert.deepEqual(
      [parsed.cal.getFirstPropertyValue('method'), parsed.event.uid, parsed.event.sequence],
      ['CANCEL', `startgesprek-${kickoff.id}@localhost`, 3],
    );
    const after = await site.db.selectFrom('kickoffs').select(['state', 'slot_id']).executeTakeFirstOrThrow();
    assert.deepEqual(after, { state: 'cancelled', slot_id: null });
    const free = (await tessa.get('/beheer/startgesprekken')).body;
    assert.equal([...free.matchAll(/<td>Vrij<\/td>/g)].length, 2, 'both slots free again');
  });

  test('the team moves and cancels from its side, also inside the notice period: same UID, higher SEQUENCE, CANCEL; the hogeschool is told who and why', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, kickoff, anna, id } = await accepted(site);
    // Booked for three hours from now: inside the hogeschool's notice period, not the team's.
    const soon = new Date(Date.now() + 3 * 3_600_000);
    const hhmm = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(soon);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(soon);
    assert.equal((await addSlot(tessa, tessaId, day, hhmm)).statusCode, 303);
    await addSlot(tessa, tessaId, inDays(12), '10:00');
    const [first, second] = await site.db.selectFrom('slots').selectAll().orderBy('starts_at').execute();
    await anna.get(`/startgesprek/${kickoff.id}`);
    assert.equal((await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: first?.id ?? '' })).statusCode, 303);
    await anna.get(`/startgesprek/${kickoff.id}`);
    assert.equal((await anna.post(`/startgesprek/${kickoff.id}/verzetten`, { slot: second?.id ?? '', reason: 'Ziek' })).statusCode, 409);

    const page = await tessa.get(`/beheer/startgesprekken/${kickoff.id}`);
    assert.match(page.body, /<h2 class="utrecht-heading-2">Verzetten<\/h2>/);
    assert.match(page.body, /Na het gesprek legt de gespreksleider hier het verslag en de uitkomst vast/, 'the host knows where notes go');
    const noReason = await tessa.post(`/beheer/startgesprekken/${kickoff.id}/verzetten`, { slot: second?.id ?? '', reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /Vul een reden in/);
    const moved = await tessa.post(`/beheer/startgesprekken/${kickoff.id}/verzetten`, { slot: second?.id ?? '', reason: 'Teamlid ziek' });
    assert.equal(moved.headers.location, `/beheer/startgesprekken/${kickoff.id}?melding=team-verzet`);
    const k = await site.db.selectFrom('kickoffs').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([k.state, k.slot_id, k.sequence], ['booked', second?.id, 2]);
    const update = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text', 'attachments'])
      .where('subject', 'like', 'Startgesprek verzet:%')
      .execute();
    assert.deepEqual(update.map((m) => m.to_address).sort(), ['anna@avans.nl', 'bram@avans.nl', 'tessa@programma.nl']);
    assert.match(update[0]?.body_text ?? '', /Het programmateam heeft het startgesprek voor .* verzet naar .*\nReden: Teamlid ziek/);
    const ics = parseIcs(invitationsIn(update)[0]?.content.toString() ?? '');
    assert.deepEqual(
      [ics.cal.getFirstPropertyValue('method'), ics.event.uid, ics.event.sequence],
      ['REQUEST', `startgesprek-${kickoff.id}@localhost`, 2],
    );

    await tessa.get(`/beheer/startgesprekken/${kickoff.id}`);
    const emptyCancel = await tessa.post(`/beheer/startgesprekken/${kickoff.id}/annuleren`, { 'cancel-reason': '' });
    assert.equal(emptyCancel.statusCode, 422);
    assert.match(emptyCancel.body, /<a href="#veld-cancel-reason">Vul een reden in<\/a>/);
    await tessa.post(`/beheer/startgesprekken/${kickoff.id}/annuleren`, { 'cancel-reason': 'Programma herzien' });
    const after = await site.db.selectFrom('kickoffs').select(['state', 'slot_id', 'sequence']).executeTakeFirstOrThrow();
    assert.deepEqual(after, { state: 'cancelled', slot_id: null, sequence: 3 });
    const cancelled = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text', 'attachments'])
      .where('subject', 'like', 'Startgesprek geannuleerd%')
      .execute();
    assert.match(
      cancelled[0]?.body_text ?? '',
      /Het programmateam heeft het startgesprek .* geannuleerd\.\nReden: Programma herzien\n\nEen nieuw tijdstip kiest u hier: /,
    );
    assert.equal(parseIcs(invitationsIn(cancelled)[0]?.content.toString() ?? '').cal.getFirstPropertyValue('method'), 'CANCEL');
    const timeline = (await anna.get(`/aanmeldingen/${id}`)).body;
    assert.match(timeline, /Startgesprek verzet naar .* door het programmateam/);
    assert.match(timeline, /Startgesprek geannuleerd door het programmateam/);
  });

  test('refused: a slot in the past, a change inside the notice period, a slot someone just took', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, kickoff, anna } = await accepted(site);
    await addSlot(tessa, tessaId, inDays(5), '10:00');
    const slot = await site.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
    // Another hogeschool's accepted route takes it first, through the same services.
    const other = await registration(site, 'accepted', { applicant: await user(site.db, 'bo@hva.nl', 'applicant', { brin: '21QA' }) });
    const otherKickoff = await site.db.selectFrom('kickoffs').selectAll().where('registration_id', '=', other.id).executeTakeFirstOrThrow();
    await book(site.db, site.config, { user: other.applicant, key: undefined }, otherKickoff.id, slot.id);
    await anna.get(`/startgesprek/${kickoff.id}`);
    const taken = await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: slot.id });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /Dit tijdstip is net vergeven/);
    assert.equal(
      (await site.db.selectFrom('kickoffs').select('state').where('id', '=', kickoff.id).executeTakeFirstOrThrow()).state,
      'invited',
    );

    // The other route cancels, so the slot is free again.
    await cancel(site.db, site.config, { user: other.applicant, key: undefined }, otherKickoff.id, 'Andere datum nodig');
    await site.db
      .updateTable('slots')
      .set({ starts_at: new Date(Date.now() - DAY).toISOString() })
      .execute();
    const past = await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: slot.id });
    assert.equal(past.statusCode, 409);
    assert.match(past.body, /Dit tijdstip is voorbij/);

    const soon = new Date(Date.now() + 3 * 3_600_000).toISOString();
    await site.db
      .updateTable('slots')
      .set({ starts_at: soon, ends_at: new Date(Date.parse(soon) + 3_600_000).toISOString() })
      .execute();
    await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: slot.id });
    await anna.get(`/startgesprek/${kickoff.id}`);
    const late = await anna.post(`/startgesprek/${kickoff.id}/annuleren`, { reason: 'Toch niet' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Annuleren kan niet meer/);
    assert.equal(
      (await site.db.selectFrom('kickoffs').select('state').where('id', '=', kickoff.id).executeTakeFirstOrThrow()).state,
      'booked',
    );
  });

  test('publishing new times tells each route still without a booking, once per publication, and not a booked one', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, anna, kickoff } = await accepted(site);
    const newTimes = () =>
      site.db
        .selectFrom('outbox')
        .select(['to_address', 'body_text'])
        .where('subject', 'like', 'Nieuwe tijden%')
        .orderBy('to_address')
        .execute();
    assert.deepEqual(await newTimes(), []);
    await addSlot(tessa, tessaId, inDays(3), '10:00');
    const first = await newTimes();
    assert.deepEqual(
      first.map((m) => m.to_address),
      ['anna@avans.nl', 'bram@avans.nl'],
    );
    assert.ok(first[0]?.body_text.includes(`/startgesprek/${kickoff.id}?sleutel=`), 'a booking link of its own');
    // Once booked, a further publication does not mail this route again.
    const slot = await site.db.selectFrom('slots').select('id').executeTakeFirstOrThrow();
    await anna.get(`/startgesprek/${kickoff.id}`);
    assert.equal((await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: slot.id })).statusCode, 303);
    await addSlot(tessa, tessaId, inDays(4), '10:00');
    assert.equal((await newTimes()).length, 2);
  });

  test('after the meeting the host records notes and outcome; the route becomes "Deelnemer"', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, kickoff, anna, id } = await accepted(site);
    await addSlot(tessa, tessaId, inDays(3), '10:00');
    const slot = await site.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
    await anna.get(`/startgesprek/${kickoff.id}`);
    await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: slot.id });
    await tessa.get(`/beheer/startgesprekken/${kickoff.id}`);
    assert.equal(
      (await tessa.post(`/beheer/startgesprekken/${kickoff.id}/verslag`, { notes: 'x', outcome: 'continue' })).statusCode,
      409,
      'not before it happened',
    );
    await site.db
      .updateTable('slots')
      .set({ starts_at: new Date(Date.now() - 3_600_000).toISOString(), ends_at: new Date().toISOString() })
      .execute();
    await tessa.get(`/beheer/startgesprekken/${kickoff.id}`);
    const empty = await tessa.post(`/beheer/startgesprekken/${kickoff.id}/verslag`, { notes: '', outcome: '' });
    assert.equal(empty.statusCode, 422);
    assert.equal(
      (await tessa.post(`/beheer/startgesprekken/${kickoff.id}/verslag`, { notes: 'Goed gesprek <b>!</b>', outcome: 'continue' }))
        .statusCode,
      303,
    );
    assert.match((await tessa.get(`/beheer/startgesprekken/${kickoff.id}`)).body, /Goed gesprek &lt;b>!&lt;\/b>/);
    assert.match((await anna.get('/mijn')).body, /Deelnemer \(pilotpartner\)/);
    const timeline = (await anna.get(`/aanmeldingen/${id}`)).body;
    assert.match(timeline, /Startgesprek gehouden<\/li><li><time[^>]*>[^<]*<\/time>: De route is deelnemer/);
    const state = await site.db
      .selectFrom('registrations')
      .select(['state', 'participant_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(state.state, 'participant');
    assert.ok(state.participant_at);
  });

  test('reminders: the day before to both sides; unbooked after 7 days once, then "niet ingepland" for the team', async (t) => {
    const site = await buildTestApp(t);
    const { tessa, tessaId, kickoff, anna } = await accepted(site);
    const config = { baseUrl: 'http://localhost:3000', sessionSecret: 'test-secret-that-is-at-least-32-characters' };
    assert.equal(await runKickoffReminders(site.db, config, new Date(Date.now() + 3 * DAY)), 0);
    assert.equal(await runKickoffReminders(site.db, config, new Date(Date.now() + 8 * DAY)), 2, 'both contacts');
    assert.equal(await runKickoffReminders(site.db, config, new Date(Date.now() + 9 * DAY)), 0, 'once');
    assert.deepEqual((await teamOverview(site.db)).unplanned, []);
    await runKickoffReminders(site.db, config, new Date(Date.now() + 16 * DAY));
    assert.deepEqual(
      (await teamOverview(site.db)).unplanned.map((k) => k.id),
      [kickoff.id],
    );
    assert.match((await tessa.get('/beheer/startgesprekken')).body, /Niet ingepland \(ook niet na een herinnering\)/);

    await addSlot(tessa, tessaId, inDays(2), '10:00');
    const slot = await site.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
    await anna.get(`/startgesprek/${kickoff.id}`);
    await anna.post(`/startgesprek/${kickoff.id}/boeken`, { slot: slot.id });
    const dayBefore = new Date(Date.parse(slot.starts_at) - 20 * 3_600_000);
    assert.equal(await runKickoffReminders(site.db, config, dayBefore), 3, 'two contacts and the host');
    assert.equal(await runKickoffReminders(site.db, config, new Date(dayBefore.getTime() + 3_600_000)), 0);
  });
});
