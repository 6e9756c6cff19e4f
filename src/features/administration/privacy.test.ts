import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assessAndAccept, user as makeUser, registration } from '../../../test/factories.ts';
import { buildTestApp, freshDatabaseUrl, signIn, testConfig } from '../../../test/helpers.ts';
import { prepareDatabase } from '../../boot.ts';
import { createBackup, restoreBackup } from '../../db/backup.ts';
import { connect, type Db, rawSqlite } from '../../db/connect.ts';
import { dataTables, tableRows } from '../../db/snapshot.ts';
import { PERSONAL_DATA } from '../../personal-data.ts';
import { erasePerson, findPerson } from '../../platform/privacy/engine.ts';
import { readLedgerFile } from '../../platform/privacy/ledger.ts';
import { retentionForecast, runRetention } from '../../platform/privacy/retention.ts';
import { scrubberFor } from '../../platform/privacy/scrub.ts';
import { createEvent, registerSignedIn } from '../events/index.ts';
import { withdrawRegistration } from '../registrations/index.ts';
import { addNote, createRequest } from '../support/index.ts';

const contactsOf = (answers: string) => (JSON.parse(answers) as { organisatie: { values: Record<string, string> } }).organisatie.values;
const PETRA = { email: 'petra.pieterse@avans.nl', name: 'Petra Pieterse', phone: '06 9876 5432' };
const NEEDLES = ['petra.pieterse@avans.nl', 'petra pieterse', '06 9876 5432', '0698765432'];

/** Every text value in every table (the full-text tables of SQLite included) that contains one of the needles. */
async function traces(db: Db, needles = NEEDLES): Promise<string[]> {
  const found: string[] = [];
  const check = (table: string, row: Record<string, unknown>) => {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string') continue;
      const v = value.toLowerCase();
      for (const n of needles)
        if (v.includes(n)) found.push(`${table}.${column}: …${value.slice(Math.max(0, v.indexOf(n) - 30), v.indexOf(n) + 40)}…`);
    }
  };
  for (const shape of await dataTables(db)) for await (const row of tableRows(db, shape)) check(shape.name, row);
  const sqlite = rawSqlite(db);
  for (const t of sqlite ? ['routes_fts', 'search_entries_fts'] : []) {
    for (const row of sqlite?.prepare(`select * from ${t}`).all() ?? []) check(t, row as Record<string, unknown>);
  }
  return found;
}

const EVENT = {
  title: 'Leernetwerk werkplekleren',
  description: 'Over begeleiding op de werkplek.',
  themes: ['supervision'],
  audiences: ['hogeschool'],
  mode: 'location' as const,
  link: null,
  address: 'Jaarbeurs, Utrecht',
  startsAt: '2027-03-10T13:00:00.000Z',
  endsAt: '2027-03-10T16:00:00.000Z',
  deadline: '2027-03-10T13:00:00.000Z',
  capacity: 20,
  waitlist: true,
  reminderHours: 48,
  reminderText: '',
  organiserId: null,
  questions: [],
};

/**
 * Petra is an applicant with an account, the only contact person of an admitted registration
 * (started by her colleague Anna), a guest at an event, and the author of a support question that
 * a team note mentions her by address. Anna and Bram are the people who must stay untouched.
 */
async function petraEverywhere(t: Parameters<typeof buildTestApp>[0]) {
  const site = await buildTestApp(t);
  const { db, config } = site;
  const admin = await makeUser(db, 'beheer@programma.nl', 'admin', { name: 'Bea Beheer' });
  const team = await makeUser(db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
  const petra = await makeUser(db, PETRA.email, 'applicant', { name: PETRA.name });
  const made = await registration(site, 'in_review', {
    team,
    answers: {
      organisatie: {
        contact_name: PETRA.name,
        contact_email: 'Petra.Pieterse@avans.nl',
        contact_phone: PETRA.phone,
        contact2_name: '',
        contact2_email: '',
      },
    },
  });
  await assessAndAccept(site, team, made.id, { message: `Beste ${PETRA.name}, welkom in het programma.` });
  const other = await registration(site, 'submitted', { applicant: made.applicant });
  const eventId = await createEvent(db, team, EVENT, new Date('2027-03-01T09:00:00Z'));
  await registerSignedIn(db, config, petra, eventId, {});
  const asked = await createRequest(
    db,
    config,
    petra,
    {
      registrationId: made.id,
      theme: 'recruitment',
      subject: 'Werving havisten',
      question: `Groet, ${PETRA.name} (${PETRA.phone})`,
      condition: null,
    },
    null,
  );
  assert.ok(asked.ok);
  if (!asked.ok) throw new Error('no request');
  await addNote(db, team, asked.id, `Bellen met ${PETRA.email} over de werving.`);
  // Her number written without spaces, in a note that names her no other way.
  await addNote(db, team, asked.id, 'Terugbellen: 0698765432.');
  return { ...site, admin, team, petra, made, other, eventId, requestId: asked.id };
}

test('the scrubber removes addresses in any case, names as whole words, and phone numbers however they are spaced', () => {
  const s = scrubberFor({ emails: ['petra.pieterse@avans.nl'], names: ['Petra Pieterse', 'Jo'], phones: ['06 9876 5432'], userIds: [] });
  assert.equal(
    s.text('Mail PETRA.PIETERSE@avans.nl of bel 0698765432 / 06-98 76 54 32; Petra  Pieterse schreef. Petra Pietersen niet.'),
    'Mail [verwijderd] of bel [verwijderd] / [verwijderd]; verwijderde persoon schreef. Petra Pietersen niet.',
  );
  // Names under four characters are not searched for: "Jo" would hit "Jouw".
  assert.equal(s.text('Jouw vraag, Jo.'), 'Jouw vraag, Jo.');
  assert.equal(s.withoutNames().text('Petra Pieterse, petra.pieterse@avans.nl'), 'Petra Pieterse, [verwijderd]');
});

test('a person sees all their data on /mijn/gegevens and downloads it as JSON, with nobody else in it', async (t) => {
  const { app, db } = await petraEverywhere(t);
  const client = await signIn(app, db, PETRA.email);
  const page = await client.get('/mijn/gegevens');
  assert.equal(page.statusCode, 200);
  for (const heading of ['Account', 'Aanmeldingen', 'Bijeenkomsten', 'Ondersteuning', 'E-mail en logboek'])
    assert.match(page.body, new RegExp(`<h2 class="utrecht-heading-2" id="deel-[a-z]+">${heading}</h2>`), heading);
  assert.match(page.body, /Contactpersoon bij aanmelding/);
  assert.match(page.body, /06 9876 5432/);
  const json = await client.get('/mijn/gegevens.json');
  assert.equal(json.headers['content-disposition'], 'attachment; filename="mijn-gegevens.json"');
  const doc = JSON.parse(json.body) as { about: { emails: string[] }; parts: Record<string, { data: Record<string, unknown[]> }> };
  assert.deepEqual(doc.about.emails, [PETRA.email]);
  assert.deepEqual(Object.keys(doc.parts), ['accounts', 'registrations', 'events', 'support', 'platform']);
  const contact = doc.parts.registrations?.data.contact_person_of as { slots: { name: string; email: string; phone: string }[] }[];
  assert.deepEqual(contact[0]?.slots, [{ name: PETRA.name, email: PETRA.email, role: 'Opleidingsmanager', phone: PETRA.phone }]);
  assert.equal((doc.parts.events?.data.event_registrations as unknown[] | undefined)?.length, 1);
  // Nobody else: not Anna who started the registration, not Bram, not the team member.
  for (const other of ['anna@avans.nl', 'Anna Ad', 'bram@avans.nl', 'Bram Bos', 'tessa@programma.nl'])
    assert.ok(!json.body.includes(other), other);
});

test('erasure: the preview says what goes, what is anonymised and what stays; an only contact needs a replacement; then no trace is left', async (t) => {
  const site = await petraEverywhere(t);
  const { app, db, config } = site;
  const admin = await signIn(app, db, 'beheer@programma.nl');
  const preview = await admin.get(`/beheer/privacy/persoon?email=${encodeURIComponent('  Petra.Pieterse@AVANS.nl ')}`);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /<h3 class="utrecht-heading-3">Wordt verwijderd<\/h3>/);
  assert.match(preview.body, /Account: 1 × account: naam en e-mailadres vervangen, expertise gewist, uitgeschakeld/);
  assert.match(
    preview.body,
    /Aanmeldingen: 1 × die aanmeldingen zelf, met kenmerk, antwoorden en besluiten — omdat de aanmelding is van de hogeschool/,
  );
  assert.match(preview.body, /Bijeenkomsten: 1 × aanmeldingen voor bijeenkomsten/);
  assert.match(preview.body, /de enige contactpersoon van de lopende aanmelding/);

  // Without a replacement contact and without the check: refused, with a message per field, nothing changed.
  const key = `vervanging-${site.made.id}`;
  const refused = await admin.post('/beheer/privacy/verwijderen', {
    email: PETRA.email,
    [`${key}-naam`]: '',
    [`${key}-email`]: 'geen-adres',
    [`${key}-telefoon`]: '',
  });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Vul de naam van de nieuwe contactpersoon voor MKB-\d{4}-\d{4} in/);
  assert.match(refused.body, /Vul een geldig e-mailadres in/);
  assert.match(refused.body, /Vink aan dat u het verzoek hebt gecontroleerd/);
  assert.match(refused.body, /value="geen-adres"/);
  assert.ok((await traces(db)).length > 10, 'nothing was erased');

  const done = await admin.post('/beheer/privacy/verwijderen', {
    email: PETRA.email,
    [`${key}-naam`]: 'Quinten Quist',
    [`${key}-email`]: 'quinten@avans.nl',
    [`${key}-telefoon`]: '076 111 22 33',
    bevestig: 'ja',
  });
  assert.equal(done.statusCode, 303);
  const ledgerId = /verwijderd=([0-9a-f-]{36})$/.exec(String(done.headers.location))?.[1];
  assert.ok(ledgerId);

  assert.deepEqual(await traces(db), []);

  // The registration, its reference and its decision stay; the replacement is its contact now.
  const reg = await db.selectFrom('registrations').selectAll().where('id', '=', site.made.id).executeTakeFirstOrThrow();
  assert.equal(reg.state, 'accepted');
  assert.match(String(reg.reference), /^MKB-\d{4}-\d{4}$/);
  const answers = contactsOf(reg.answers);
  assert.deepEqual(
    [answers.contact_name, answers.contact_email, answers.contact_phone],
    ['Quinten Quist', 'quinten@avans.nl', '076 111 22 33'],
  );
  assert.equal(answers.contact_role, 'Opleidingsmanager');
  const decision = await db
    .selectFrom('decisions')
    .select(['kind', 'message'])
    .where('registration_id', '=', site.made.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(decision, { kind: 'accept', message: 'Beste verwijderde persoon, welkom in het programma.' });
  // The account stays (what she did stays hers, anonymously) but can no longer sign in.
  const account = await db.selectFrom('users').selectAll().where('id', '=', site.petra.id).executeTakeFirstOrThrow();
  assert.equal(account.name, 'Verwijderde persoon');
  assert.equal(account.email, `verwijderd-${site.petra.id}@verwijderd.invalid`);
  assert.ok(account.disabled_at);
  // The event keeps the seat as a count; the support request keeps its thread without her.
  const seat = await db
    .selectFrom('event_registrations')
    .select(['name', 'state', 'user_id'])
    .where('event_id', '=', site.eventId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(seat, { name: 'Verwijderde persoon', state: 'confirmed', user_id: null });
  const message = await db
    .selectFrom('support_messages')
    .select(['author_name', 'body'])
    .where('request_id', '=', site.requestId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(message, { author_name: 'Verwijderde persoon', body: 'Groet, verwijderde persoon ([verwijderd])' });
  // Anna and Bram are untouched.
  const other = contactsOf(
    (await db.selectFrom('registrations').select('answers').where('id', '=', site.other.id).executeTakeFirstOrThrow()).answers,
  );
  assert.deepEqual([other.contact_name, other.contact_email, other.contact2_name], ['Anna Ad', 'anna@avans.nl', 'Bram Bos']);

  // The ledger: identifiers only, in the database and in the file; the audit event names no one.
  const row = await db
    .selectFrom('erasure_ledger')
    .selectAll()
    .where('id', '=', ledgerId as string)
    .executeTakeFirstOrThrow();
  assert.equal(row.kind, 'verzoek');
  const anchors = JSON.parse(row.anchors) as string[];
  assert.ok(anchors.includes(`accounts:users:${site.petra.id}`));
  assert.ok(anchors.includes(`registrations:registrations:${site.made.id}#1`));
  const file = readLedgerFile(config.erasureLedger);
  assert.deepEqual(
    file.map((e) => e.id),
    [ledgerId],
  );
  assert.ok(!readFileSync(config.erasureLedger, 'utf8').toLowerCase().includes('petra'));
  const audit = await db
    .selectFrom('audit_events')
    .select(['action', 'detail', 'subject_id'])
    .where('action', '=', 'privacy.erased')
    .execute();
  assert.deepEqual(audit, [{ action: 'privacy.erased', detail: null, subject_id: ledgerId }]);

  // The overview of the address is empty now.
  const after = await admin.get(`/beheer/privacy/persoon?email=${encodeURIComponent(PETRA.email)}`);
  assert.match(after.body, /Het platform bewaart geen gegevens over dit e-mailadres/);
});

test('erasure refuses the last active administrator and a bad address, and changes nothing', async (t) => {
  const { app, db } = await buildTestApp(t);
  await makeUser(db, 'beheer@programma.nl', 'admin', { name: 'Bea Beheer' });
  const admin = await signIn(app, db, 'beheer@programma.nl');
  const bad = await admin.get('/beheer/privacy/persoon?email=geen%20adres');
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Vul een geldig e-mailadres in, zoals naam@hogeschool.nl/);
  assert.match(bad.body, /value="geen adres"/);
  const self = await admin.get('/beheer/privacy/persoon?email=beheer%40programma.nl');
  assert.match(self.body, /Dit is de laatste actieve beheerder/);
  assert.doesNotMatch(self.body, /Gegevens verwijderen<\/button>/);
  const forced = await admin.post('/beheer/privacy/verwijderen', { email: 'beheer@programma.nl', bevestig: 'ja' });
  assert.equal(forced.statusCode, 409);
  assert.equal(
    (await db.selectFrom('users').select('name').where('email', '=', 'beheer@programma.nl').executeTakeFirst())?.name,
    'Bea Beheer',
  );
});

test('the ledger is applied again when an older back-up is restored, before anything is served', async (t) => {
  const site = await petraEverywhere(t);
  const dir = mkdtempSync(join(tmpdir(), 'mkbroute-ledger-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const backup = await createBackup(site.config, dir);
  const person = await findPerson(site.db, PERSONAL_DATA, PETRA.email);
  const erased = await erasePerson(site.db, PERSONAL_DATA, person, {
    ledgerPath: site.config.erasureLedger,
    byUserId: site.admin.id,
    replacements: { [site.made.id]: { name: 'Quinten Quist', email: 'quinten@avans.nl', phone: '' } },
  });
  assert.ok(erased.ok);
  assert.deepEqual(await traces(site.db), []);

  // A new database from the back-up made before the erasure, with the same ledger file.
  const restoredConfig = testConfig(await freshDatabaseUrl(t), { ERASURE_LEDGER: site.config.erasureLedger });
  assert.ok((await restoreBackup(restoredConfig, backup.path)).ok);
  const raw = connect(restoredConfig.database);
  t.after(() => raw.destroy());
  assert.ok((await traces(raw)).length > 10, 'the back-up holds her data');
  const { db: restored } = await prepareDatabase(restoredConfig, raw);
  assert.deepEqual(await traces(restored), []);
  const rows = await restored.selectFrom('erasure_ledger').select(['id', 'kind']).execute();
  assert.deepEqual(rows, [{ id: erased.ok ? erased.entry.id : '', kind: 'verzoek' }]);
  // Without a replacement in the replay, the only contact becomes "Verwijderde persoon".
  const answers = contactsOf(
    (await restored.selectFrom('registrations').select('answers').where('id', '=', site.made.id).executeTakeFirstOrThrow()).answers,
  );
  assert.equal(answers.contact_name, 'Verwijderde persoon');
});

test('retention: drafts, closed registrations and past guests go when their period ends; a run killed halfway leaves whole records', async (t) => {
  const site = await buildTestApp(t);
  const { db, config } = site;
  const team = await makeUser(db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
  const draft = await registration(site, 'draft');
  // Someone signed in: a session (and the sign-in link it came from).
  await signIn(site.app, db, 'tessa@programma.nl');
  const sessions = () => db.selectFrom('sessions').select('id_hash').execute();
  assert.equal((await sessions()).length, 1);
  const closed = await registration(site, 'submitted');
  await withdrawRegistration(db, config, closed.applicant, closed.id, 'Route gaat niet door');
  const eventId = await createEvent(db, team, EVENT, new Date('2027-03-01T09:00:00Z'));
  for (const n of ['gast1', 'gast2']) {
    const guest = await makeUser(db, `${n}@voorbeeld.nl`, 'applicant', { name: `Gast ${n}` });
    await registerSignedIn(db, config, guest, eventId, {}, new Date('2027-03-01T10:00:00Z'));
  }
  const updated = (await db.selectFrom('registrations').select('updated_at').where('id', '=', closed.id).executeTakeFirstOrThrow())
    .updated_at;
  const closedDue = new Date(updated);
  closedDue.setUTCMonth(closedDue.getUTCMonth() + 24);

  // Forecast two weeks before the closed registration falls due: "1 record on <that day>".
  const before = new Date(closedDue.getTime() - 14 * 86_400_000);
  const forecast = await retentionForecast(db, PERSONAL_DATA, before);
  const closedRule = forecast.find((f) => f.rule.key === 'closed-registrations');
  assert.deepEqual(closedRule?.upcoming, [{ date: closedDue.toISOString().slice(0, 10), count: 1 }]);
  assert.equal(closedRule?.dueNow, 0);
  assert.equal(forecast.find((f) => f.rule.key === 'drafts')?.dueNow, 1);
  assert.equal(forecast.find((f) => f.rule.key === 'event-guests')?.dueNow, 2);

  // Killed while anonymising the second guest: the first guest's change is rolled back with it.
  let calls = 0;
  await assert.rejects(
    runRetention(db, PERSONAL_DATA, config.erasureLedger, before, (rule) => {
      if (rule === 'event-guests' && ++calls === 2) throw new Error('kill -9');
    }),
    /kill -9/,
  );
  const guests = () => db.selectFrom('event_registrations').select(['name', 'anonymised_at']).orderBy('name').execute();
  assert.deepEqual(
    (await guests()).map((g) => g.name),
    ['Gast gast1', 'Gast gast2'],
  );
  assert.equal(
    await db.selectFrom('registrations').select('id').where('id', '=', draft.id).executeTakeFirst(),
    undefined,
    'the draft (an earlier rule) is gone',
  );

  // The next run finishes the guests; the closed registration is not due yet.
  const done = await runRetention(db, PERSONAL_DATA, config.erasureLedger, before);
  // The session (expired long before) goes in this run: its rule comes after the one interrupted.
  assert.deepEqual(done, { 'event-guests': 2, 'expired-sessions': 1 });
  assert.deepEqual(await sessions(), []);
  assert.deepEqual(
    (await guests()).map((g) => g.name),
    ['Verwijderde persoon', 'Verwijderde persoon'],
  );
  const reg = () =>
    db.selectFrom('registrations').select(['answers', 'state', 'reference']).where('id', '=', closed.id).executeTakeFirstOrThrow();
  assert.equal(contactsOf((await reg()).answers).contact_name, 'Anna Ad');

  const later = await runRetention(db, PERSONAL_DATA, config.erasureLedger, new Date(closedDue.getTime() + 86_400_000));
  assert.deepEqual(later, { 'closed-registrations': 1 });
  const anonymised = await reg();
  const a = contactsOf(anonymised.answers);
  assert.deepEqual(
    [a.contact_name, a.contact_email, a.contact_phone, a.contact2_name, a.contact2_email],
    ['Verwijderde persoon', '', '', 'Verwijderde persoon', ''],
  );
  assert.equal(anonymised.state, 'withdrawn');
  const version = await db
    .selectFrom('registration_versions')
    .select('snapshot')
    .where('registration_id', '=', closed.id)
    .executeTakeFirstOrThrow();
  assert.ok(!version.snapshot.includes('anna@avans.nl') && !version.snapshot.includes('Bram Bos'));
  // Each batch is in the ledger file, by identifier.
  const file = readLedgerFile(config.erasureLedger);
  assert.deepEqual(
    file.map((e) => [e.rule, e.anchors.length]),
    [
      ['sign-in-links', 1],
      ['drafts', 1],
      ['event-guests', 2],
      ['expired-sessions', 1],
      ['closed-registrations', 1],
    ],
  );
  assert.ok(existsSync(config.erasureLedger));
});

test('the retention periods are settings, and the privacy statement and /beheer/privacy show the ones in force', async (t) => {
  const { app, db } = await buildTestApp(t);
  await makeUser(db, 'beheer@programma.nl', 'admin', { name: 'Bea Beheer' });
  const admin = await signIn(app, db, 'beheer@programma.nl');
  const statement = await app.inject({ url: '/privacy' });
  assert.match(statement.body, /<th scope="row">Concepten die nooit zijn ingediend<\/th><td>12 maanden<\/td><td>verwijderd<\/td>/);
  const settings = await admin.get('/beheer/instellingen');
  assert.match(settings.body, /<legend class="utrecht-form-fieldset__legend">Bewaartermijnen \(AVG\)<\/legend>/);
  const form = Object.fromEntries(
    [...settings.body.matchAll(/name="(retention\.[a-z_]+|[a-z_.]+)" type="text" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  const saved = await admin.post('/beheer/instellingen', { ...form, 'retention.draft_months': '6' });
  assert.equal(saved.statusCode, 303);
  const again = await app.inject({ url: '/privacy' });
  assert.match(again.body, /<th scope="row">Concepten die nooit zijn ingediend<\/th><td>6 maanden<\/td>/);
  const page = await admin.get('/beheer/privacy');
  assert.match(page.body, /<th scope="row">Concepten die nooit zijn ingediend<\/th><td>6 maanden<\/td><td>niets<\/td>/);
  const bad = await admin.post('/beheer/instellingen', { ...form, 'retention.draft_months': '0' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Bewaartermijn concepten: kies een getal van 1 tot en met 60 maanden/);
});
