import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { buildTestApp, type Client, countRows, signIn } from '../../../test/helpers.ts';
import { applicant, fillAll, saveStep, startDraft, submit, VALID } from '../../../test/registration-fixtures.ts';
import { ensureUser } from '../accounts/index.ts';
import { STEPS, TEXT_MAX } from './steps.ts';

const year = new Date().getUTCFullYear();

async function answers(db: Awaited<ReturnType<typeof buildTestApp>>['db'], id: string) {
  const row = await db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { ...row, answers: JSON.parse(row.answers) as Record<string, { values: Record<string, unknown>; complete: boolean }> };
}

function multipart(fields: Record<string, string>, file?: { name: string; filename: string; content: Buffer; type: string }) {
  const boundary = '----mkbroute-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('registration: steps', () => {
  test('every step posted empty comes back 422 with exactly its required messages, in page order', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const expected: Record<string, string[]> = {
      organisatie: [
        'Vul de naam van de contactpersoon in',
        'Vul de functie van de contactpersoon in',
        'Vul het e-mailadres van de contactpersoon in',
        'Vul het telefoonnummer van de contactpersoon in',
      ],
      opleiding: [
        'Kies de hogeschool',
        'Vul de naam van de opleiding in',
        'Vul de CROHO-code in',
        'Kies Associate degree of Bachelor',
        'Kies de vorm van de opleiding',
        'Vul ten minste één plaats in',
        'Kies de sector',
        'Kies de provincie',
      ],
      route: [
        'Kies nieuwe of bestaande route',
        'Vul de startdatum in',
        'Vul het aantal studenten nu in (0 als de route nog niet loopt)',
        'Vul het verwachte aantal nieuwe studenten per jaar in',
        'Kies ten minste één doelgroep',
        'Beschrijf de route',
      ],
      'werkend-leren': [
        'Vul het aantal werkdagen per week in',
        'Vul het aantal onderwijsdagen per week in',
        'Beschrijf hoe werken en leren verbonden zijn',
      ],
      'mkb-werkplek': ['Vul het aantal deelnemende mkb-bedrijven in', 'Bevestig dat de bedrijven minder dan 250 medewerkers hebben'],
      overeenkomst: ['Kies of er een overeenkomst wordt getekend'],
      salaris: ['Kies of de student salaris krijgt'],
      'samen-vormgeven': ['Beschrijf hoe jullie de route samen vormgeven'],
      deelname: ['Kies hoe u wilt meedoen'],
      publicatie: [],
    };
    for (const [slug, messages] of Object.entries(expected)) {
      const res = await saveStep(client, id, slug, {});
      if (messages.length === 0) {
        assert.equal(res.statusCode, 303, slug);
        continue;
      }
      assert.equal(res.statusCode, 422, slug);
      const summary = /<div class="mkb-error-summary".*?<\/ul>/s.exec(res.body)?.[0] ?? '';
      const shown = [...summary.matchAll(/<a href="#veld-[^"]+">(.*?)<\/a>/g)].map((m) => m[1]);
      assert.deepEqual(shown, messages, slug);
    }
  });

  test('formats are checked with Dutch messages and valid values are normalised', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const bad = await saveStep(client, id, 'organisatie', {
      ...VALID.organisatie,
      contact_email: 'anna@',
      contact_phone: '12',
      postal_postcode: '0123 AB',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Vul een geldig e-mailadres in, zoals naam@hogeschool\.nl/);
    assert.match(bad.body, /Vul een geldig telefoonnummer in, zoals 030 123 45 67/);
    assert.match(bad.body, /Vul een geldige postcode in, zoals 3511 AB/);
    const badProgramme = await saveStep(client, id, 'opleiding', {
      ...VALID.opleiding,
      croho: '8007',
      level: 'MSc',
      sector: 'Z9',
      province: 'Vlaanderen',
    });
    assert.deepEqual(
      [...badProgramme.body.matchAll(/<a href="#veld-(\w+)">(.*?)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`),
      [
        'croho: Een CROHO-code bestaat uit precies 5 cijfers',
        'level: Kies een van de mogelijkheden',
        'sector: Kies een van de mogelijkheden',
        'province: Kies een van de mogelijkheden',
      ],
    );
    const badRoute = await saveStep(client, id, 'route', {
      ...VALID.route,
      start_date: '2027-02-30',
      students_now: '-3',
      students_expected: '2.5',
    });
    assert.match(badRoute.body, /Vul een bestaande datum in als dd-mm-jjjj, zoals 01-09-2027/);
    assert.equal(
      [...badRoute.body.matchAll(/Vul een heel getal in van 0 tot en met 100\.000/g)].length,
      4,
      'twice in the summary, twice at the fields',
    );
    const badKvk = await saveStep(client, id, 'mkb-werkplek', {
      ...VALID['mkb-werkplek'],
      companies_1_kvk: '1234',
      companies_2_kvk: '87654321',
    });
    assert.match(badKvk.body, /Een KvK-nummer bestaat uit precies 8 cijfers/);
    assert.match(badKvk.body, /Vul de naam van het bedrijf in \(rij 2\)/, 'a row with a KvK number needs a name');

    assert.equal((await saveStep(client, id, 'organisatie', VALID.organisatie)).statusCode, 303);
    const stored = (await answers(db, id)).answers.organisatie;
    assert.equal(stored?.complete, true);
    assert.equal(stored?.values.postal_postcode, '5223 DE');
    assert.equal(stored?.values.contact_email, 'anna@avans.nl');
  });

  test('every save is kept on the server, complete or not; "later" and "vorige" never lose input', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const half = await saveStep(client, id, 'organisatie', { contact_name: 'Anna <b>Ad</b>', contact_phone: 'fout' }, 'later');
    assert.equal(half.headers.location, `/aanmeldingen/${id}?melding=opgeslagen`);
    let stored = (await answers(db, id)).answers.organisatie;
    assert.deepEqual([stored?.complete, stored?.values.contact_name, stored?.values.contact_phone], [false, 'Anna <b>Ad</b>', 'fout']);
    const form = await client.get(`/aanmelden/${id}/organisatie`);
    assert.match(form.body, /value="Anna &lt;b>Ad&lt;\/b>"/);

    const back = await saveStep(client, id, 'opleiding', { programme_name: 'Ad Zorg' }, 'vorige');
    assert.equal(back.headers.location, `/aanmelden/${id}/organisatie`);
    stored = (await answers(db, id)).answers.opleiding;
    assert.equal(stored?.values.programme_name, 'Ad Zorg');
    const row = await answers(db, id);
    assert.equal(row.title, 'Ad Zorg', 'the list shows the programme name');

    const page = await client.get(`/aanmeldingen/${id}`);
    assert.match(page.body, new RegExp(`href="/aanmelden/${id}/organisatie"[^>]*>Verder invullen`), 'resume where the work is');
  });

  test('the summary lists every step with edit links, warns about recommended fields, and does not block on them', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    await fillAll(client, id);
    await saveStep(client, id, 'salaris', { salary: 'no', salary_basis: '' });
    const summary = await client.get(`/aanmelden/${id}/overzicht`);
    assert.equal(summary.statusCode, 200);
    assert.equal([...summary.body.matchAll(/>Wijzigen<span class="mkb-visually-hidden">/g)].length, 10);
    assert.match(summary.body, /Noem de cao of een indicatie van het salaris/);
    assert.match(summary.body, /Aanmelding indienen/);
    const res = await submit(client, id);
    assert.equal(res.statusCode, 303);
  });
});

describe('registration: submit', () => {
  test('submit gives MKB-<year>-0001, freezes version 1, audits, and queues the confirmation with the receipt', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'indiener@avans.nl');
    const id = await startDraft(client);
    await fillAll(client, id);
    const incomplete = await client.post(`/aanmelden/${id}/indienen`, {});
    assert.equal(incomplete.statusCode, 422);
    assert.match(incomplete.body, /Verklaar dat de gegevens juist en volledig zijn/);

    const res = await submit(client, id);
    assert.equal(res.headers.location, `/aanmeldingen/${id}?melding=ingediend`);
    const row = await answers(db, id);
    assert.deepEqual([row.state, row.reference, row.version], ['submitted', `MKB-${year}-0001`, 1]);
    const versions = await db.selectFrom('registration_versions').selectAll().execute();
    assert.equal(versions.length, 1);
    assert.deepEqual(JSON.parse(versions[0]?.snapshot ?? '{}'), row.answers);
    const mails = await db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'attachments'])
      .where('subject', 'like', 'Aanmelding ontvangen%')
      .orderBy('to_address')
      .execute();
    assert.deepEqual(
      mails.map((m) => [m.to_address, m.subject]),
      [
        // Every contact of the registration (both contact persons of step 1) and the submitter.
        ['anna@avans.nl', `Aanmelding ontvangen: MKB-${year}-0001`],
        ['bram@avans.nl', `Aanmelding ontvangen: MKB-${year}-0001`],
        ['indiener@avans.nl', `Aanmelding ontvangen: MKB-${year}-0001`],
      ],
    );
    const attachment = JSON.parse(mails[0]?.attachments ?? '[]')[0];
    assert.equal(attachment.filename, `ontvangstbewijs-MKB-${year}-0001.pdf`);
    assert.equal(Buffer.from(attachment.base64, 'base64').subarray(0, 5).toString(), '%PDF-');
    const audit = await db.selectFrom('audit_events').select('action').where('subject_id', '=', id).orderBy('at').execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['registration.created', 'registration.submitted'],
    );
    const mine = await client.get('/mijn');
    assert.match(mine.body, /<strong class="mkb-state mkb-state--submitted">Ingediend<\/strong>/);
  });

  test('a double click or two tabs submit exactly once', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    await fillAll(client, id);
    await client.get(`/aanmelden/${id}/overzicht`);
    const results = await Promise.all([1, 2, 3].map(() => client.post(`/aanmelden/${id}/indienen`, { declaration: 'ja' })));
    const locations = results.map((r) => String(r.headers.location)).sort();
    assert.equal(locations.filter((l) => l.endsWith('melding=ingediend')).length, 1, locations.join());
    assert.equal(await countRows(db, 'registration_versions'), 1);
    assert.equal((await countRows(db, 'outbox')) - 1, 2, 'one confirmation to each of the two contacts (plus the sign-in mail)');
  });

  test('references stay unique and gapless when many registrations are submitted at once', async (t) => {
    const { app, db } = await buildTestApp(t);
    const clients: Client[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await applicant(app, db, `p${i}@avans.nl`);
      const id = await startDraft(c);
      await fillAll(c, id);
      await c.get(`/aanmelden/${id}/overzicht`);
      clients.push(c);
      ids.push(id);
    }
    await Promise.all(clients.map((c, i) => c.post(`/aanmelden/${ids[i]}/indienen`, { declaration: 'ja' })));
    const refs = (await db.selectFrom('registrations').select('reference').execute()).map((r) => r.reference).sort();
    assert.deepEqual(
      refs,
      [1, 2, 3, 4, 5, 6].map((n) => `MKB-${year}-000${n}`),
    );
  });

  test('a submitted version is frozen: edits are refused, and an information request edits only reopened steps into version 2', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    await fillAll(client, id);
    await submit(client, id);
    const refused = await saveStep(client, id, 'salaris', { salary: 'no' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Deze aanmelding kan niet meer worden gewijzigd/);

    // The assessment feature reopens steps; here the database stands in for it.
    await db
      .updateTable('registrations')
      .set({ state: 'info_requested', reopened_steps: JSON.stringify(['overeenkomst']) })
      .where('id', '=', id)
      .execute();
    assert.equal((await saveStep(client, id, 'salaris', { salary: 'no' })).statusCode, 409, 'not reopened');
    const saved = await saveStep(client, id, 'overeenkomst', { agreement: 'planned', agreement_type: 'Nog te kiezen' });
    assert.equal(saved.headers.location, `/aanmelden/${id}/overzicht`, 'the next open step, skipping closed ones');
    assert.equal((await submit(client, id)).statusCode, 303);
    const versions = await db.selectFrom('registration_versions').selectAll().orderBy('version').execute();
    assert.deepEqual(
      versions.map((v) => [v.version, v.reference]),
      [
        [1, `MKB-${year}-0001`],
        [2, `MKB-${year}-0001`],
      ],
    );
    assert.equal(JSON.parse(versions[0]?.snapshot ?? '{}').overeenkomst.values.agreement, 'yes', 'version 1 unchanged');
    assert.equal(JSON.parse(versions[1]?.snapshot ?? '{}').overeenkomst.values.agreement, 'planned');
  });

  test('the receipt is a tagged Dutch PDF with title, reference, timestamp and the answers', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    await fillAll(client, id);
    await submit(client, id);
    const res = await client.get(`/aanmeldingen/${id}/ontvangstbewijs/1`);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = res.rawPayload;
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/StructTreeRoot/);
    assert.match(raw, /\/Marked true/);
    const parser = new PDFParse({ data: pdf });
    const info = await parser.getInfo();
    assert.equal(info.info.Language, 'nl-NL');
    assert.equal(info.info.Title, `Ontvangstbewijs aanmelding MKB-${year}-0001`);
    const text = (await parser.getText()).text;
    assert.match(text, new RegExp(`Kenmerk: MKB-${year}-0001 \\(versie 1\\)`));
    assert.match(text, /Ingediend op: \d+ \w+ \d{4} om \d\d:\d\d/);
    assert.match(text, /Ad Technische Bedrijfskunde/);
    assert.match(text, /Naam bedrijf: Metaal & Co, KvK-nummer: 12345678/);
    assert.equal((await client.get(`/aanmeldingen/${id}/ontvangstbewijs/2`)).statusCode, 404);
  });
});

describe('registration: withdraw, colleagues, isolation, uploads', () => {
  test('withdraw needs a reason, then ends in "Ingetrokken" with an audit event and a mail; a draft cannot be withdrawn', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const draft = await startDraft(client);
    await client.get(`/aanmeldingen/${draft}`);
    assert.equal((await client.post(`/aanmeldingen/${draft}/intrekken`, { reason: 'x' })).statusCode, 409);
    const id = await startDraft(client);
    await fillAll(client, id);
    await submit(client, id);
    await client.get(`/aanmeldingen/${id}`);
    const empty = await client.post(`/aanmeldingen/${id}/intrekken`, { reason: '  ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /<a href="#veld-reason">Vul een reden in<\/a>/);
    const ok = await client.post(`/aanmeldingen/${id}/intrekken`, { reason: 'We starten <later>' });
    assert.equal(ok.headers.location, `/aanmeldingen/${id}?melding=ingetrokken`);
    const row = await answers(db, id);
    assert.deepEqual([row.state, row.withdrawn_reason], ['withdrawn', 'We starten <later>']);
    const page = await client.get(`/aanmeldingen/${id}?melding=ingetrokken`);
    assert.match(page.body, /We starten &lt;later>/);
    assert.match(page.body, /Ingetrokken/);
    const subjects = (
      await db.selectFrom('outbox').select(['subject', 'to_address']).orderBy('created_at').orderBy('to_address').execute()
    ).map((m) => `${m.subject} → ${m.to_address}`);
    assert.deepEqual(subjects, [
      'Uw inloglink voor Mkb-route in het hbo → anna@avans.nl',
      `Aanmelding ontvangen: MKB-${year}-0001 → anna@avans.nl`,
      `Aanmelding ontvangen: MKB-${year}-0001 → bram@avans.nl`,
      `Aanmelding ingetrokken: MKB-${year}-0001 → anna@avans.nl`,
      `Aanmelding ingetrokken: MKB-${year}-0001 → bram@avans.nl`,
    ]);
  });

  test('submit racing withdraw ends in one consistent state', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    await fillAll(client, id);
    await submit(client, id);
    await db
      .updateTable('registrations')
      .set({ state: 'info_requested', reopened_steps: JSON.stringify(['salaris']) })
      .where('id', '=', id)
      .execute();
    await client.get(`/aanmeldingen/${id}`);
    const [a, b] = await Promise.all([
      client.post(`/aanmelden/${id}/indienen`, { declaration: 'ja' }),
      client.post(`/aanmeldingen/${id}/intrekken`, { reason: 'Toch niet' }),
    ]);
    // Either order is fine; what must hold is that the state is the one the last recorded move led to.
    const row = await answers(db, id);
    const moves = await db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('subject_id', '=', id)
      .where('action', '!=', 'registration.created')
      .orderBy('at')
      .execute();
    const last = JSON.parse(moves.at(-1)?.detail ?? '{}');
    assert.equal(row.state, last.to);
    assert.equal(await countRows(db, 'registration_versions'), moves.filter((m) => m.action === 'registration.submitted').length);
    assert.ok([a.statusCode, b.statusCode].every((s) => s === 303 || s === 409));
  });

  test('colleagues of one hogeschool share drafts; a save over someone else’s is flagged', async (t) => {
    const { app, db } = await buildTestApp(t);
    const anna = await applicant(app, db, 'anna@avans.nl');
    const bram = await applicant(app, db, 'bram@avans.nl');
    const id = await startDraft(anna);
    const revision = (body: string) => /name="revisie" value="(\d+)"/.exec(body)?.[1] ?? '';
    const annaSees = revision((await anna.get(`/aanmelden/${id}/organisatie`)).body);
    const bramSees = revision((await bram.get(`/aanmelden/${id}/organisatie`)).body);
    const first = await anna.post(`/aanmelden/${id}/organisatie`, { ...VALID.organisatie, revisie: annaSees, actie: 'volgende' });
    assert.equal(first.headers.location, `/aanmelden/${id}/opleiding`);
    const second = await bram.post(`/aanmelden/${id}/organisatie`, {
      ...VALID.organisatie,
      contact_name: 'Bram Bos',
      revisie: bramSees,
      actie: 'volgende',
    });
    assert.equal(second.headers.location, `/aanmelden/${id}/opleiding?let-op=collega`);
    assert.match((await bram.get(String(second.headers.location))).body, /iemand anders heeft deze aanmelding opgeslagen/);
    assert.equal((await answers(db, id)).answers.organisatie?.values.contact_name, 'Bram Bos', 'the last save wins');
    assert.match((await anna.get('/mijn')).body, /door bram/);
  });

  test('an applicant of another hogeschool gets 404 on every registration route and changes nothing', async (t) => {
    const { app, db } = await buildTestApp(t);
    const anna = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(anna);
    await fillAll(anna, id);
    await submit(anna, id);
    const draft = await startDraft(anna);
    const hva = await applicant(app, db, 'eve@hva.nl', '21QA');
    await hva.get('/mijn');
    const before = JSON.stringify(await db.selectFrom('registrations').selectAll().orderBy('id').execute());
    const gets = [
      `/aanmeldingen/${id}`,
      `/aanmeldingen/${id}/ontvangstbewijs/1`,
      `/aanmelden/${draft}/organisatie`,
      `/aanmelden/${draft}/overzicht`,
      `/aanmeldingen/${draft}`,
    ];
    for (const url of gets) assert.equal((await hva.get(url)).statusCode, 404, url);
    const posts: [string, Record<string, string>][] = [
      [`/aanmelden/${draft}/organisatie`, { contact_name: 'x' }],
      [`/aanmelden/${draft}/indienen`, { declaration: 'ja' }],
      [`/aanmeldingen/${id}/intrekken`, { reason: 'kwaadwillig' }],
    ];
    for (const [url, form] of posts) assert.equal((await hva.post(url, form)).statusCode, 404, url);
    const mine = await hva.get('/mijn');
    assert.doesNotMatch(mine.body, /Ad Technische Bedrijfskunde/);
    assert.equal(JSON.stringify(await db.selectFrom('registrations').selectAll().orderBy('id').execute()), before);
    const team = await (async () => {
      await ensureUser(db, { email: 'team@programma.nl', role: 'team' });
      return signIn(app, db, 'team@programma.nl');
    })();
    assert.equal((await team.get(`/aanmeldingen/${id}`)).statusCode, 200, 'the programme team sees it');
    assert.equal((await team.post('/aanmelden', {})).statusCode, 409, 'but does not register routes');
  });

  test('the agreement template: a PDF is stored and downloadable; a non-PDF named .pdf and a file over 10 MB are refused', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const post = async (file: { filename: string; content: Buffer }) => {
      const form = await client.get(`/aanmelden/${id}/overeenkomst`);
      const revisie = /name="revisie" value="(\d+)"/.exec(form.body)?.[1] ?? '';
      const body = multipart(
        { _csrf: client.lastCsrf ?? '', revisie, agreement: 'yes', agreement_type: 'Praktijkovereenkomst', actie: 'volgende' },
        { name: 'agreement_template', type: 'application/pdf', ...file },
      );
      return app.inject({
        method: 'POST',
        url: `/aanmelden/${id}/overeenkomst`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie },
      });
    };
    const fake = await post({ filename: 'virus.pdf', content: Buffer.from('MZ\x90\x00 this is an executable') });
    assert.equal(fake.statusCode, 422);
    assert.match(fake.body, /Dit bestand is geen pdf; kies een pdf-bestand/);
    assert.match(fake.body, /value="Praktijkovereenkomst"/, 'the other answers are kept');
    const big = await post({
      filename: 'groot.pdf',
      content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 32)]),
    });
    assert.equal(big.statusCode, 422);
    assert.match(big.body, /Het bestand is groter dan 10 MB/);
    assert.equal(await countRows(db, 'registration_files'), 0);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await post({ filename: 'model overeenkomst.pdf', content: pdf });
    assert.equal(ok.statusCode, 303);
    // Our own upload is not "someone else saved while you were busy" (issue 11, defect 1).
    assert.equal(ok.headers.location, `/aanmelden/${id}/salaris`);
    const values = (await answers(db, id)).answers.overeenkomst?.values ?? {};
    assert.equal(values.agreement_template_filename, 'model overeenkomst.pdf');
    const download = await client.get(`/aanmeldingen/${id}/bestanden/${values.agreement_template_file_id}`);
    assert.deepEqual([download.statusCode, download.headers['content-type']], [200, 'application/pdf']);
    assert.deepEqual(download.rawPayload, pdf);
    const eve = await applicant(app, db, 'eve@hva.nl', '21QA');
    assert.equal((await eve.get(`/aanmeldingen/${id}/bestanden/${values.agreement_template_file_id}`)).statusCode, 404);

    // The file is a link wherever the answers are shown: the summary, and the assessor's page (issue 11, defect 2).
    const href = `/aanmeldingen/${id}/bestanden/${values.agreement_template_file_id}`;
    assert.ok((await client.get(`/aanmelden/${id}/overzicht`)).body.includes(`href="${href}"`));
    await fillAll(client, id);
    await submit(client, id);
    await ensureUser(db, { email: 'tessa@programma.nl', role: 'team' });
    const tessa = await signIn(app, db, 'tessa@programma.nl');
    const page = await tessa.get(`/beheer/aanmeldingen/${id}`);
    assert.ok(page.body.includes(`href="${href}">model overeenkomst.pdf`), 'the assessor gets a link, not just the name');
    assert.deepEqual((await tessa.get(href)).rawPayload, pdf);
  });

  test('hostile text is stored verbatim and shown escaped; a 1 MB answer is refused with a message', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const hostile = `<script>alert(1)</script>' OR 1=1 --`;
    await saveStep(client, id, 'route', { ...VALID.route, description: hostile });
    assert.equal((await answers(db, id)).answers.route?.values.description, hostile);
    const detail = await client.get(`/aanmeldingen/${id}`);
    assert.ok(detail.body.includes("&lt;script>alert(1)&lt;/script>' OR 1=1 --"));
    assert.doesNotMatch(detail.body, /<script>alert/);
    const huge = await saveStep(client, id, 'route', { ...VALID.route, description: 'x'.repeat(1_000_000) });
    assert.equal(huge.statusCode, 422);
    assert.match(huge.body, /Dit veld is hooguit 5\.000 tekens lang; u typte er 1\.000\.000/);
    assert.equal((await answers(db, id)).answers.route?.values.description, hostile, 'the earlier answer stays; nothing is cut');
  });

  test('every step saved with "later verder": an over-long text is refused with a message, control characters are removed, the rest is saved', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const dirty = 'Regel een\u0007\u0008\u001b[31m\ttab\nregel twee';
    const clean = 'Regel een[31m\ttab\nregel twee';
    for (const step of STEPS) {
      const texts = step.fields.flatMap((f) =>
        f.kind === 'text' || f.kind === 'textarea'
          ? [{ name: f.name, max: f.max }]
          : f.kind === 'rows'
            ? [{ name: `${f.name}_1_name`, max: TEXT_MAX }]
            : [],
      );
      const [long, ...others] = texts;
      if (!long) continue;
      const form: Record<string, string> = { ...(VALID as Record<string, Record<string, string>>)[step.slug] };
      for (const o of others) form[o.name] = dirty;
      form[long.name] = 'y'.repeat(300_000);
      const res = await saveStep(client, id, step.slug, form, 'later');
      assert.equal(res.statusCode, 422, `${step.slug}: the refused text is shown, not left behind`);
      assert.match(
        res.body,
        new RegExp(
          `Dit veld is hooguit ${long.max.toLocaleString('nl-NL').replace('.', '\\.')} tekens lang; u typte er 300\\.000\\. Kort de tekst in\\. De rest van de stap is opgeslagen\\.`,
        ),
      );
      assert.ok(res.body.includes('y'.repeat(300_000)), `${step.slug}: what was typed is in the form to shorten`);
      const stored = (await answers(db, id)).answers[step.slug];
      assert.equal(stored?.complete, false);
      assert.equal(stored?.values[long.name], undefined, `${step.slug}: the over-long text is not stored`);
      for (const o of others) assert.equal(stored?.values[o.name], clean, `${step.slug}.${o.name} cleaned`);
      assert.doesNotMatch(JSON.stringify(stored), /\\u000[78]|\\u001b/);
    }
    const summary = await client.get(`/aanmelden/${id}/overzicht`);
    assert.equal(summary.statusCode, 200);
    assert.ok(summary.body.length < 200_000, `summary is ${summary.body.length} bytes`);
    assert.doesNotMatch(summary.body, /[\u0007\u0008\u001b]/);
  });

  test('tables of rows grow with "Nog een bedrijf toevoegen" and lose a row with "Verwijderen", without JavaScript', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    const page = await client.get(`/aanmelden/${id}/mkb-werkplek`);
    assert.equal((page.body.match(/name="companies_\d+_name"/g) ?? []).length, 2, 'a new form starts with two rows');
    const form = { ...VALID['mkb-werkplek'], companies_2_name: 'Tweede BV', companies_2_kvk: '' };
    let res = await saveStep(client, id, 'mkb-werkplek', form, 'rij-erbij:companies');
    assert.equal(res.headers.location, `/aanmelden/${id}/mkb-werkplek#veld-companies_3_name`);
    let stored = (await answers(db, id)).answers['mkb-werkplek']?.values;
    assert.equal(stored?.companies_2_name, 'Tweede BV', 'what was typed is saved');
    assert.equal(stored?.companies_3_name, '');
    const longer = await client.get(`/aanmelden/${id}/mkb-werkplek`);
    assert.equal((longer.body.match(/name="companies_\d+_name"/g) ?? []).length, 3);
    assert.match(longer.body, />Verwijderen<span class="mkb-visually-hidden"> \(bedrijf in rij 3\)<\/span>/);

    // Row 3 typed, then row 1 removed: the rows after it move up.
    res = await saveStep(
      client,
      id,
      'mkb-werkplek',
      { ...form, companies_3_name: 'Derde BV', companies_3_kvk: '87654321' },
      'rij-weg:companies:1',
    );
    assert.equal(res.statusCode, 303);
    stored = (await answers(db, id)).answers['mkb-werkplek']?.values;
    assert.deepEqual(
      [stored?.companies_1_name, stored?.companies_2_name, stored?.companies_2_kvk, stored?.companies_3_name],
      ['Tweede BV', 'Derde BV', '87654321', undefined],
    );
    const summary = await client.get(`/aanmelden/${id}/overzicht`);
    assert.match(
      summary.body,
      /<tr><td>Tweede BV<\/td><td><span class="mkb-meta">niet ingevuld<\/span><\/td><\/tr><tr><td>Derde BV<\/td><td>87654321<\/td><\/tr>/,
    );
    // A row number that does not exist changes nothing.
    await saveStep(client, id, 'mkb-werkplek', { ...VALID['mkb-werkplek'] }, 'rij-weg:companies:99');
    assert.equal((await answers(db, id)).answers['mkb-werkplek']?.values.companies_1_name, VALID['mkb-werkplek'].companies_1_name);
  });

  test('a new registration shows every step as not filled in, counts ten steps, and proposes the hogeschool', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const start = await client.get('/aanmelden');
    assert.match(start.body, /in 10 stappen; daarna ziet u alles in een overzicht/);
    const id = await startDraft(client);
    const first = await client.get(`/aanmelden/${id}/organisatie`);
    assert.match(first.body, /stap 1 van 10/);
    assert.equal((first.body.match(/\(nog niet ingevuld\)/g) ?? []).length, 10);
    assert.doesNotMatch(first.body, /onvolledig/);
    const second = await client.get(`/aanmelden/${id}/opleiding`);
    assert.match(second.body, /<option value="07GR" selected>/);
    // The three ways of taking part are explained where the choice is made.
    const deelname = await client.get(`/aanmelden/${id}/deelname`);
    assert.match(
      deelname.body,
      /aria-describedby="veld-participation-1-uitleg"\/><div><label for="veld-participation-1">Ontwikkelpartner<\/label><div class="mkb-choice__hint" id="veld-participation-1-uitleg">U zet de route nog op/,
    );
    // A start date written the Dutch way is the same day.
    assert.equal((await saveStep(client, id, 'route', { ...VALID.route, start_date: '1-9-2027' })).statusCode, 303);
    assert.equal((await answers(db, id)).answers.route?.values.start_date, '2027-09-01');
    assert.match((await client.get(`/aanmelden/${id}/route`)).body, /name="start_date" type="date" value="2027-09-01"/);
  });

  test('a session that ended mid-form keeps what was saved and returns to the same step after signing in', async (t) => {
    const { app, db } = await buildTestApp(t);
    const client = await applicant(app, db, 'anna@avans.nl');
    const id = await startDraft(client);
    await saveStep(client, id, 'organisatie', { ...VALID.organisatie });
    await client.get(`/aanmelden/${id}/opleiding`);
    await db.deleteFrom('sessions').execute();
    const res = await client.post(
      `/aanmelden/${id}/opleiding`,
      { programme_name: 'verloren' },
      { referer: `http://localhost:3000/aanmelden/${id}/opleiding` },
    );
    assert.equal(res.headers.location, `/inloggen?terug=${encodeURIComponent(`/aanmelden/${id}/opleiding`)}`);
    await client.get(String(res.headers.location));
    await client.post('/inloggen', { email: 'anna@avans.nl', terug: `/aanmelden/${id}/opleiding` });
    const mail = await db.selectFrom('outbox').select('body_text').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.body_text)?.[1] ?? '';
    const back = await client.post('/inloggen/link', { token });
    assert.equal(back.headers.location, `/aanmelden/${id}/opleiding`);
    assert.equal((await answers(db, id)).answers.organisatie?.values.contact_name, 'Anna Ad');
  });
});
