import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, type Client, signIn } from '../../../test/helpers.ts';
import { postMultipart } from '../../../test/multipart.ts';
import { addWorkingDays, easter, isWorkingDay, workingDaysBetween } from '../../platform/workdays.ts';
import { runSupportJobs } from './jobs.ts';
import { checkFile, cutQuotedHistory, suggestAdvisors } from './rules.ts';
import { createRequest } from './service.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

/** A docx-shaped zip whose one entry claims to unpack to 2 GB: refused from its directory alone. */
function zipBomb(): Buffer {
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(1000, 20);
  central.writeUInt32LE(2_000_000_000, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(30 + name.length, 16);
  return Buffer.concat([local, name, central, name, end]);
}

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const site = await buildTestApp(t);
  const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
  const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
  const route = await registration(site, 'accepted', {
    applicant: anna,
    team: tessa,
    conditions: 'Het model van de overeenkomst nasturen',
  });
  const annaClient = await signIn(site.app, site.db, 'anna@avans.nl');
  const teamClient = await signIn(site.app, site.db, 'tessa@programma.nl');
  return { site, anna, tessa, route, annaClient, teamClient };
}

async function ask(
  site: Site,
  client: Client,
  route: string,
  extra: Record<string, string> = {},
  file?: { name: string; content: Buffer },
) {
  await client.get('/mijn/ondersteuning/nieuw');
  return postMultipart(
    site,
    client,
    '/mijn/ondersteuning/nieuw',
    { route, theme: 'supervision', subject: 'Werkplekbezoeken', question: 'Hoe vaak komt de docent langs?', ...extra },
    file,
  );
}

describe('support: the working-day calendar and the pure rules', () => {
  test('holidays and working days (Easter 2026 on 5 April)', () => {
    assert.equal(easter(2026), '2026-04-05');
    assert.equal(easter(2027), '2027-03-28');
    assert.equal(isWorkingDay('2026-04-03'), false, 'Goede Vrijdag');
    assert.equal(isWorkingDay('2026-04-06'), false, 'Tweede Paasdag');
    assert.equal(isWorkingDay('2026-04-27'), false, 'Koningsdag');
    assert.equal(isWorkingDay('2026-05-05'), true, 'Bevrijdingsdag only in lustrum years');
    assert.equal(isWorkingDay('2025-05-05'), false);
    assert.equal(isWorkingDay('2026-05-14'), false, 'Hemelvaartsdag');
    // Thursday 2 April + 2 working days skips Good Friday, the weekend and Easter Monday.
    assert.equal(addWorkingDays('2026-04-02', 2), '2026-04-08');
    assert.equal(workingDaysBetween('2026-04-02', '2026-04-08'), 2);
    assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-28');
  });

  test('files are what their content says; quoted history is cut; advisors are ranked with reasons', () => {
    assert.deepEqual(checkFile('plan.pdf', PDF), { ok: true, contentType: 'application/pdf' });
    assert.match((checkFile('plan.docx', PDF) as { message: string }).message, /eigenlijk een pdf-bestand, maar heet \.docx/);
    assert.match((checkFile('exe.pdf', Buffer.from('MZ\x90\x00')) as { message: string }).message, /geen pdf, afbeelding/);
    assert.match((checkFile('bom.docx', zipBomb()) as { message: string }).message, /pakt uit tot meer dan een redelijk document/);
    assert.equal(
      cutQuotedHistory('Dank, dat helpt.\n\nGroet, Anna\n\nOp 30 nov. 2026 om 10:00 schreef Tessa <t@p.nl>:\n> Eerdere tekst'),
      'Dank, dat helpt.\n\nGroet, Anna',
    );
    assert.equal(cutQuotedHistory('Ja.\r\n-----Original Message-----\r\nFrom: x'), 'Ja.');
    const ranked = suggestAdvisors('supervision', [
      { id: 'a', name: 'Ank', expertise: [], load: 0, conflicts: [] },
      { id: 'b', name: 'Bas', expertise: ['supervision'], load: 3, conflicts: [] },
      { id: 'c', name: 'Cor', expertise: ['supervision'], load: 1, conflicts: ['verbonden aan Avans'] },
      { id: 'd', name: 'Dirk', expertise: ['supervision'], load: 1, conflicts: [] },
    ]);
    assert.deepEqual(
      ranked.map((r) => r.id),
      ['d', 'b', 'a', 'c'],
    );
    assert.deepEqual(ranked[3]?.reasons, ['expertise in dit thema', '1 open vraag', 'belang: verbonden aan Avans']);
  });
});

describe('support: asking, the thread, notes and closing', () => {
  test('a route asks from a draft; bad attachments are refused with the text kept; a route not admitted cannot ask', async (t) => {
    const { site, anna, route, annaClient } = await setup(t);
    const mijn = (await annaClient.get('/mijn')).body;
    assert.match(mijn, /Ondersteuning zoals gevraagd bij de aanmelding/);
    assert.match(mijn, /Voorwaarde: Het model van de overeenkomst nasturen/);
    const draftKey = /href="\/mijn\/ondersteuning\/nieuw\?concept=([^"]+)">Voorwaarde:/.exec(mijn)?.[1] ?? '';
    const form = (await annaClient.get(`/mijn/ondersteuning/nieuw?concept=${draftKey}`)).body;
    assert.match(form, /name="condition" value="Het model van de overeenkomst nasturen"/);

    for (const [file, message] of [
      [{ name: 'plan.docx', content: PDF }, /plan\.docx is eigenlijk een pdf-bestand/],
      [{ name: 'bom.docx', content: zipBomb() }, /bom\.docx pakt uit tot meer dan een redelijk document/],
      [{ name: 'groot.pdf', content: Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024)]) }, /groot\.pdf is groter dan 10 MB/],
    ] as const) {
      const res = await ask(site, annaClient, route.id, { question: 'Mijn lange vraag blijft staan.' }, file);
      assert.equal(res.statusCode, 422, file.name);
      assert.match(res.body, message);
      assert.match(res.body, /Mijn lange vraag blijft staan\./, 'the text is kept');
    }
    assert.equal((await site.db.selectFrom('support_requests').select('id').execute()).length, 0);

    const ok = await ask(
      site,
      annaClient,
      route.id,
      { condition: 'Het model van de overeenkomst nasturen' },
      { name: 'model.pdf', content: PDF },
    );
    assert.equal(ok.statusCode, 303);
    const page = (await annaClient.get(String(ok.headers.location))).body;
    assert.match(page, /Ondersteuningsvraag ONDS-\d{4}-0001/);
    assert.match(page, /Hoe vaak komt de docent langs\?/);
    const fileLink = /href="(\/ondersteuning\/[^"]+\/bijlagen\/[^"]+)">model\.pdf/.exec(page)?.[1] ?? '';
    const download = await annaClient.get(fileLink);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const receipt = await site.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'anna@avans.nl')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(receipt.subject, /^\[ONDS-\d{4}-0001\] Werkplekbezoeken$/);
    assert.match(receipt.reply_to ?? '', /^reply\+[A-Za-z0-9_-]{16,40}@localhost$/);
    // The route's timeline says so.
    assert.match((await annaClient.get(`/aanmeldingen/${route.id}`)).body, /Ondersteuningsvraag ONDS-\d{4}-0001 gesteld/);

    // A registration that is only submitted cannot ask.
    const pending = await registration(site, 'submitted', { applicant: anna });
    const refused = await ask(site, annaClient, pending.id);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Alleen deelnemende routes kunnen een vraag stellen/);
    assert.match(refused.body, /routes die tot het programma zijn toegelaten/);
    // Someone of another hogeschool does not see the request.
    await user(site.db, 'bob@hva.nl', 'applicant', { brin: '21QA' });
    const bob = await signIn(site.app, site.db, 'bob@hva.nl');
    assert.equal((await bob.get(String(ok.headers.location).split('?')[0] ?? '')).statusCode, 404);
  });

  test('advisor suggested and assigned; replies both ways by web; an internal note reaches no page or mail of the route; closing with "voorwaarde vervuld" marks the condition; a reply reopens within 14 days', async (t) => {
    const { site, tessa, route, annaClient, teamClient } = await setup(t);
    await user(site.db, 'ruud@programma.nl', 'team', { name: 'Ruud' });
    await site.db.updateTable('users').set({ expertise: '["supervision"]' }).where('email', '=', 'ruud@programma.nl').execute();
    const asked = await ask(site, annaClient, route.id, { condition: 'Het model van de overeenkomst nasturen' });
    const id = String(asked.headers.location).split('/')[2]?.split('?')[0] ?? '';

    const teamPage = (await teamClient.get(`/beheer/ondersteuning/${id}`)).body;
    const options = [...teamPage.matchAll(/<label for="veld-advisor[^"]*">([^<]+)<\/label>/g)].map((m) => m[1]);
    assert.deepEqual(options, [
      'Ruud — expertise in dit thema; 0 open vragen',
      'Tessa Team — geen opgegeven expertise in dit thema; 0 open vragen',
    ]);
    const ruud = (await site.db.selectFrom('users').select('id').where('email', '=', 'ruud@programma.nl').executeTakeFirstOrThrow()).id;
    assert.equal((await teamClient.post(`/beheer/ondersteuning/${id}/adviseur`, { advisor: ruud })).statusCode, 303);
    assert.match(
      (await site.db.selectFrom('outbox').select('subject').where('to_address', '=', 'ruud@programma.nl').executeTakeFirstOrThrow())
        .subject,
      /^U bent adviseur voor ONDS-/,
    );

    // The team's note, with a marker that must never reach the route.
    const MARKER = 'GEHEIM-INTERN-7d3f';
    await teamClient.post(`/beheer/ondersteuning/${id}/notitie`, { note: `Let op: ${MARKER} — de hogeschool twijfelt.` });
    assert.match((await teamClient.get(`/beheer/ondersteuning/${id}`)).body, new RegExp(MARKER));
    await postMultipart(site, teamClient, `/beheer/ondersteuning/${id}/bericht`, { message: 'Eén keer per blok is gebruikelijk.' });
    const req = await site.db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(req.first_response_at, 'the first response is recorded');
    const toRoute = await site.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'bram@avans.nl')
      .where('subject', 'like', '[ONDS-%')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(toRoute.body_text, /^Tessa Team \(programmateam\) schreef:\n\nEén keer per blok is gebruikelijk\./);
    await postMultipart(site, annaClient, `/ondersteuning/${id}`, { message: 'Dank, en de tussentijdse toets?' });

    // Close with "voorwaarde vervuld": required fields first.
    const empty = await teamClient.post(`/beheer/ondersteuning/${id}/afsluiten`, { outcome: '', summary: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Kies de uitkomst/);
    assert.match(empty.body, /Vat in een paar zinnen samen wat er is gebeurd/);
    await teamClient.post(`/beheer/ondersteuning/${id}/afsluiten`, {
      outcome: 'condition_met',
      summary: 'Het model is ontvangen en akkoord.',
    });
    const met = await site.db.selectFrom('condition_fulfilments').selectAll().execute();
    assert.deepEqual(
      met.map((m) => [m.registration_id, m.condition_text, m.source]),
      [[route.id, 'Het model van de overeenkomst nasturen', `ondersteuningsvraag ${req.reference}`]],
    );
    assert.doesNotMatch(
      (await annaClient.get('/mijn')).body,
      /Voorwaarde: Het model van de overeenkomst nasturen/,
      'no longer offered as a draft',
    );

    // The leak test: every page of the route and every mail sent, nowhere the note.
    const pages = ['/mijn', `/ondersteuning/${id}`, `/aanmeldingen/${route.id}`, '/mijn/ondersteuning/nieuw'];
    for (const p of pages) assert.doesNotMatch((await annaClient.get(p)).body, new RegExp(MARKER), p);
    const mails = await site.db.selectFrom('outbox').select(['subject', 'body_text']).execute();
    assert.ok(mails.length >= 5);
    for (const m of mails) assert.doesNotMatch(`${m.subject}\n${m.body_text}`, new RegExp(MARKER));

    // A reply within 14 days reopens it; the team cannot post to a closed request.
    const closedPage = (await annaClient.get(`/ondersteuning/${id}`)).body;
    assert.match(closedPage, /Uitkomst: <strong>Voorwaarde vervuld<\/strong>/);
    const reopened = await postMultipart(site, annaClient, `/ondersteuning/${id}`, { message: 'Toch nog een vraag.' });
    assert.equal(reopened.headers.location, `/ondersteuning/${id}?melding=heropend`);
    assert.equal(
      (await site.db.selectFrom('support_requests').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
      'open',
    );
    void tessa;
  });

  test('bulk closing asks the outcome and summary too; an outcome "voorwaarde vervuld" needs a request about a condition; after 14 days a reply is refused', async (t) => {
    const { site, route, annaClient, teamClient } = await setup(t);
    const ids: string[] = [];
    for (const subject of ['Eerste', 'Tweede']) {
      const r = await ask(site, annaClient, route.id, { subject });
      ids.push(String(r.headers.location).split('/')[2]?.split('?')[0] ?? '');
    }
    await teamClient.get('/beheer/ondersteuning');
    const body = new URLSearchParams([
      ['_csrf', teamClient.lastCsrf ?? ''],
      ...ids.map((i) => ['ids', i] as [string, string]),
      ['outcome', ''],
      ['summary', ''],
    ]).toString();
    const post = (payload: string) =>
      site.app.inject({
        method: 'POST',
        url: '/beheer/ondersteuning/afsluiten',
        payload,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...teamClient.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    const refused = await post(body);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Kies de uitkomst/);
    const wrong = await post(body.replace('outcome=', 'outcome=condition_met').replace('summary=', 'summary=Klaar'));
    assert.equal(wrong.statusCode, 409);
    assert.match(wrong.body, /gaat niet over een voorwaarde/);
    const ok = await post(body.replace('outcome=', 'outcome=advice').replace('summary=', 'summary=Beantwoord+in+het+gesprek'));
    assert.equal(ok.headers.location, '/beheer/ondersteuning?melding=afgesloten');
    const rows = await site.db.selectFrom('support_requests').select(['state', 'outcome', 'summary']).execute();
    assert.deepEqual(
      rows.map((r) => [r.state, r.outcome, r.summary]),
      [
        ['closed', 'advice', 'Beantwoord in het gesprek'],
        ['closed', 'advice', 'Beantwoord in het gesprek'],
      ],
    );
    await site.db
      .updateTable('support_requests')
      .set({ closed_at: new Date(Date.now() - 15 * 86_400_000).toISOString() })
      .where('id', '=', ids[0] ?? '')
      .execute();
    const late = await postMultipart(site, annaClient, `/ondersteuning/${ids[0]}`, { message: 'Nog iets.' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Stel een nieuwe vraag vanuit Mijn omgeving/);
  });

  test('requests made at the same moment get references in sequence, never the same one', async (t) => {
    const { site, anna, route } = await setup(t);
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createRequest(
          site.db,
          site.config,
          anna,
          { registrationId: route.id, theme: 'supervision', subject: `Vraag ${i}`, question: 'Tegelijk gesteld.', condition: null },
          null,
          new Date('2027-02-01T10:00:00Z'),
        ),
      ),
    );
    assert.ok(made.every((m) => m.ok));
    const refs = (await site.db.selectFrom('support_requests').select('reference').orderBy('reference').execute()).map((r) => r.reference);
    assert.deepEqual(refs, ['ONDS-2027-0001', 'ONDS-2027-0002', 'ONDS-2027-0003', 'ONDS-2027-0004', 'ONDS-2027-0005', 'ONDS-2027-0006']);
  });

  test('reminders on the working-day calendar: the team when nobody took it after a working day, the advisor before each target, each once', async (t) => {
    const { site, route, annaClient, teamClient } = await setup(t);
    const asked = await ask(site, annaClient, route.id);
    const id = String(asked.headers.location).split('/')[2]?.split('?')[0] ?? '';
    // Asked on Thursday 2 April 2026, before Easter.
    await site.db.updateTable('support_requests').set({ created_at: '2026-04-02T09:00:00.000Z' }).where('id', '=', id).execute();
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    assert.equal(await runSupportJobs(site.db, site.config, at('2026-04-02')), 0);
    assert.equal(await runSupportJobs(site.db, site.config, at('2026-04-06')), 0, 'Good Friday and Easter Monday are no working days');
    assert.equal(await runSupportJobs(site.db, site.config, at('2026-04-07')), 1, 'one working day without an advisor');
    assert.equal(await runSupportJobs(site.db, site.config, at('2026-04-07')), 0, 'once');
    const tessaId = (await site.db.selectFrom('users').select('id').where('email', '=', 'tessa@programma.nl').executeTakeFirstOrThrow()).id;
    await teamClient.get(`/beheer/ondersteuning/${id}`);
    assert.equal((await teamClient.post(`/beheer/ondersteuning/${id}/adviseur`, { advisor: tessaId })).statusCode, 303);
    // First response due 2 working days after 2 April: 8 April; reminded from the day before.
    assert.equal(await runSupportJobs(site.db, site.config, at('2026-04-07')), 1);
    const mail = await site.db
      .selectFrom('outbox')
      .select('subject')
      .where('to_address', '=', 'tessa@programma.nl')
      .where('subject', 'like', '%eerste reactie%')
      .executeTakeFirstOrThrow();
    assert.match(mail.subject, /: een eerste reactie uiterlijk 8 april$/);
  });
});
