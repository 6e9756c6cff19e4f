import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildTestApp, Client, signIn } from '../../../test/helpers.ts';
import { ensureUser } from '../accounts/index.ts';
import { PAGE_PATHS } from './service.ts';

describe('public site', () => {
  test('every content page is served in Dutch with its seeded title as the only h1', async (t) => {
    const { app } = await buildTestApp(t);
    const expected: Record<string, string> = {
      '/': 'Mkb-route in het hbo',
      '/programma': 'Het programma',
      '/criteria': 'De vijf criteria',
      '/aanbod': 'Wat het programma biedt',
      '/deelnemen': 'Deelnemen',
      '/privacy': 'Privacyverklaring',
      '/toegankelijkheid': 'Toegankelijkheidsverklaring',
      '/contact': 'Contact',
    };
    assert.deepEqual(Object.values(PAGE_PATHS).sort(), Object.keys(expected).sort());
    for (const [path, title] of Object.entries(expected)) {
      const res = await app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200, path);
      assert.match(res.body, /^<!doctype html><html lang="nl">/);
      const h1s = [...res.body.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]);
      assert.deepEqual(h1s, [title], path);
      assert.match(res.body, /<a class="utrecht-skip-link[^"]*" href="#inhoud">Naar de inhoud<\/a>/);
      assert.match(res.body, /<main id="inhoud"/);
    }
  });

  test('the criteria page lists the five criteria from the criteria table, in order', async (t) => {
    const { app, db } = await buildTestApp(t);
    await db.updateTable('criteria').set({ title: 'Salaris voor de student' }).where('code', '=', 'C4').execute();
    const res = await app.inject({ method: 'GET', url: '/criteria' });
    const titles = [...res.body.matchAll(/<li><h2>(\d)\. (?:<!-- -->)?(.*?)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(titles, [
      '1 Werkend leren',
      '2 Werkplek in het mkb',
      '3 Driepartijenovereenkomst',
      '4 Salaris voor de student',
      '5 Samen vormgegeven',
    ]);
  });

  test('an unknown address gets the Dutch 404 page', async (t) => {
    const { app } = await buildTestApp(t);
    const res = await app.inject({ method: 'GET', url: '/bestaat-niet?x=<script>' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Pagina niet gevonden<\/h1>/);
    assert.doesNotMatch(res.body, /<script>/);
  });
});

describe('back office: content pages', () => {
  test('a team member edits a page; the public page shows the new text and the audit records it', async (t) => {
    const { app, db } = await buildTestApp(t);
    const teamId = await ensureUser(db, { email: 'redactie@programma.nl', role: 'team', name: 'Rik Redactie' });
    const team = await signIn(app, db, 'redactie@programma.nl');
    const list = await team.get('/beheer');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /href="\/beheer\/paginas\/contact"/);

    const form = await team.get('/beheer/paginas/contact');
    assert.match(form.body, /<input[^>]*name="title"[^>]*value="Contact"/);
    const saved = await team.post('/beheer/paginas/contact', {
      title: 'Contact met het team',
      summary: 'Bel of mail ons.',
      body: '## Bereikbaar\n\nOp **werkdagen** van 9 tot 17 uur.',
      actie: 'opslaan',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/beheer?opgeslagen=contact');
    assert.match((await team.get('/beheer?opgeslagen=contact')).body, /De pagina ‘Contact met het team’ is opgeslagen\./);

    const page = await app.inject({ method: 'GET', url: '/contact' });
    assert.match(page.body, /<h1 class="utrecht-heading-1">Contact met het team<\/h1>/);
    assert.match(page.body, /<h2>Bereikbaar<\/h2>\n<p>Op <strong>werkdagen<\/strong> van 9 tot 17 uur.<\/p>/);

    const audit = await db.selectFrom('audit_events').selectAll().where('action', '=', 'page.updated').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor_user_id, teamId);
    assert.equal(audit[0]?.subject_id, 'contact');
    assert.deepEqual(JSON.parse(audit[0]?.detail ?? '{}'), { changed: ['title', 'summary', 'body'] });
  });

  test('a preview renders the Markdown below the form without saving', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'redactie@programma.nl', role: 'team' });
    const team = await signIn(app, db, 'redactie@programma.nl');
    await team.get('/beheer/paginas/aanbod');
    const res = await team.post('/beheer/paginas/aanbod', { title: 'Nieuw', summary: 'Kort', body: '- een\n- twee', actie: 'voorbeeld' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Voorbeeld \(nog niet opgeslagen\)/);
    assert.match(res.body, /<ul>\n<li>een<\/li>\n<li>twee<\/li>\n<\/ul>/);
    const stored = await db.selectFrom('pages').select('title').where('slug', '=', 'aanbod').executeTakeFirstOrThrow();
    assert.equal(stored.title, 'Wat het programma biedt');
  });

  test('invalid input comes back with 422, an error summary, messages per field and the text kept', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'redactie@programma.nl', role: 'team' });
    const team = await signIn(app, db, 'redactie@programma.nl');
    await team.get('/beheer/paginas/privacy');
    const longBody = 'x'.repeat(100_000);
    const res = await team.post('/beheer/paginas/privacy', { title: '   ', summary: 'Mijn inleiding blijft', body: longBody });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Er zijn 2 fouten in het formulier/);
    assert.match(res.body, /<a href="#veld-title">Vul een titel in<\/a>/);
    assert.match(res.body, /<a href="#veld-body">De tekst is hooguit 50\.000 tekens lang; u typte er [\d.]+\. Kort de tekst in\.<\/a>/);
    assert.match(res.body, />Mijn inleiding blijft<\/textarea>/);
    assert.ok(res.body.includes(longBody), 'the long text is given back, not lost');
    const stored = await db.selectFrom('pages').select('title').where('slug', '=', 'privacy').executeTakeFirstOrThrow();
    assert.equal(stored.title, 'Privacyverklaring');
  });

  test('hostile text is stored verbatim and shown escaped; Markdown cannot inject HTML', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'redactie@programma.nl', role: 'team' });
    const team = await signIn(app, db, 'redactie@programma.nl');
    await team.get('/beheer/paginas/programma');
    const title = `<script>alert(1)</script>' OR 1=1 --`;
    const body = '<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))\n\n<script>alert(2)</script>\n\n# Kop';
    const res = await team.post('/beheer/paginas/programma', { title, summary: "Robert'); DROP TABLE pages;--", body });
    assert.equal(res.statusCode, 303);
    const stored = await db.selectFrom('pages').selectAll().where('slug', '=', 'programma').executeTakeFirstOrThrow();
    assert.equal(stored.title, title);
    assert.equal(stored.body_md, body);
    const page = (await app.inject({ method: 'GET', url: '/programma' })).body;
    assert.ok(page.includes('<h1 class="utrecht-heading-1">&lt;script>alert(1)&lt;/script>\' OR 1=1 --</h1>'), 'title escaped');
    assert.doesNotMatch(page, /<script>/);
    assert.doesNotMatch(page, /onerror/);
    assert.doesNotMatch(page, /javascript:/);
    assert.match(page, /<h2>Kop<\/h2>/, 'a Markdown h1 becomes an h2: one h1 per page');
    assert.equal((await app.inject({ method: 'GET', url: '/' })).statusCode, 200, 'the pages table is still there');
  });

  test('an applicant gets 403 in the back office, and a visitor is sent to sign in', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'aanvrager@hogeschool.nl', role: 'applicant', institutionBrin: '07GR' });
    const applicant = await signIn(app, db, 'aanvrager@hogeschool.nl');
    const refused = await applicant.get('/beheer/paginas/home');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Geen toegang/);
    const post = await applicant.post('/beheer/paginas/home', { title: 'Overgenomen', summary: 'x', body: 'x' });
    assert.equal(post.statusCode, 403);
    const visitor = await new Client(app).get('/beheer/paginas/home');
    assert.equal(visitor.statusCode, 303);
    const stored = await db.selectFrom('pages').select('title').where('slug', '=', 'home').executeTakeFirstOrThrow();
    assert.equal(stored.title, 'Mkb-route in het hbo');
  });

  test('editing a page that does not exist is a 404', async (t) => {
    const { app, db } = await buildTestApp(t);
    await ensureUser(db, { email: 'redactie@programma.nl', role: 'team' });
    const team = await signIn(app, db, 'redactie@programma.nl');
    assert.equal((await team.get('/beheer/paginas/bestaat-niet')).statusCode, 404);
    await team.get('/beheer');
    assert.equal((await team.post('/beheer/paginas/bestaat-niet', { title: 'a', summary: 'b', body: 'c' })).statusCode, 404);
  });
});
