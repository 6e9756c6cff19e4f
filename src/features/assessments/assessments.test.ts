import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, type Client, countRows, signIn } from '../../../test/helpers.ts';
import { applicant, saveStep, startDraft, submit } from '../../../test/registration-fixtures.ts';
import { buildApp } from '../../app.ts';
import { connect } from '../../db/connect.ts';
import { signedInPageStats } from '../../platform/page-cache.ts';
import { DAY } from '../../platform/time.ts';
import { ensureUser } from '../accounts/index.ts';
import { queue } from './queue.ts';
import { runReminders } from './reminders.ts';
import { conflictReasons, fillTemplate, suggestAssignee, unknownPlaceholders } from './rules.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;

async function teamMember(site: Site, email: string, name: string): Promise<{ client: Client; id: string }> {
  const id = await ensureUser(site.db, { email, role: 'team', name });
  return { client: await signIn(site.app, site.db, email), id };
}

/** A submitted registration, made through the services (test/factories.ts), and its applicant signed in. */
async function submittedRegistration(site: Site, email = 'anna@avans.nl') {
  const { id } = await registration(site, 'submitted', {
    applicant: await user(site.db, email, 'applicant', { name: email.split('@')[0] }),
  });
  return { applicant: await signIn(site.app, site.db, email), id };
}

const future = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

const ALL_MEET = {
  verdict_C1: 'meets',
  verdict_C2: 'meets',
  verdict_C3: 'partly',
  explanation_C3: 'Model ontbreekt.',
  verdict_C4: 'meets',
  verdict_C5: 'meets',
  recommendation: 'request_info',
  summary: '',
};

async function state(site: Site, id: string) {
  return await site.db
    .selectFrom('registrations')
    .select(['state', 'version', 'participation', 'reopened_steps'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('assessment rules', () => {
  test('conflicts: the hogeschool itself, or a partner named in the registration', () => {
    const reg = { institutionBrin: '07GR', institutionName: 'Avans Hogeschool', partnerNames: ['Metaal & Co', 'Koninklijke Metaalunie'] };
    assert.deepEqual(conflictReasons([{ kind: 'institution', value: '07GR' }], reg), ['verbonden aan Avans Hogeschool']);
    assert.deepEqual(conflictReasons([{ kind: 'organisation', value: 'metaalunie' }], reg), ['verbonden aan metaalunie']);
    assert.deepEqual(
      conflictReasons(
        [
          { kind: 'institution', value: '21QA' },
          { kind: 'organisation', value: 'Bakkerij' },
        ],
        reg,
      ),
      [],
    );
  });

  test('suggestion: least loaded, no open conflict, not yet assigned; ties by name', () => {
    const c = (name: string, load: number, conflicted = false, assigned = false) => ({ id: name, name, load, conflicted, assigned });
    assert.equal(suggestAssignee([c('Bea', 2), c('Ali', 1, true), c('Cor', 1), c('Dirk', 1)])?.name, 'Cor');
    assert.equal(suggestAssignee([c('Ali', 0, false, true), c('Bea', 3)])?.name, 'Bea');
    assert.equal(suggestAssignee([c('Ali', 0, true)]), null);
  });

  test('templates: unknown placeholders are found; known ones filled', () => {
    assert.deepEqual(unknownPlaceholders('Beste {naam}, {kenmerk} {onbekend} {} {naam}'), ['onbekend', '']);
    assert.equal(
      fillTemplate('Beste {naam}, over {kenmerk}.', { naam: '<b>Anna</b>', kenmerk: 'MKB-2026-0001' }),
      'Beste <b>Anna</b>, over MKB-2026-0001.',
    );
    // A line that would say nothing is left out, with the blank lines around it (issue 11, defect 5).
    const body = 'Beste {naam},\n\n{bericht}\n\nVoorwaarden: {voorwaarden}\n\nGroet';
    assert.equal(fillTemplate(body, { naam: 'Anna', bericht: '', voorwaarden: '' }), 'Beste Anna,\n\nGroet');
    assert.equal(
      fillTemplate(body, { naam: 'Anna', bericht: 'Welkom.', voorwaarden: 'Jaarlijks monitoren' }),
      'Beste Anna,\n\nWelkom.\n\nVoorwaarden: Jaarlijks monitoren\n\nGroet',
    );
  });
});

describe('assessment: queue, assignment, assessing', () => {
  test('the queue lists submitted registrations with counts, filters (unknown ones ignored with a notice) and no drafts', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const hva = await applicant(site.app, site.db, 'eve@hva.nl', '21QA');
    await startDraft(hva);
    const { client: team } = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    const res = await team.get('/beheer/aanmeldingen');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /1 aanmelding</);
    assert.match(res.body, />Ingediend: 1</);
    assert.match(res.body, new RegExp(`href="/beheer/aanmeldingen/${id}"`));
    const filtered = await team.get('/beheer/aanmeldingen?institution=21QA&state=onzin&sector=C');
    assert.match(filtered.body, /0 aanmeldingen/);
    assert.match(filtered.body, /Niet herkende filters zijn genegeerd: state=onzin/);
    const bySector = await team.get('/beheer/aanmeldingen?sector=C&wish=pilot&assignee=geen');
    assert.match(bySector.body, /1 aanmelding</);
    const page99 = await team.get('/beheer/aanmeldingen?pagina=99');
    assert.equal(page99.statusCode, 200);
  });

  test('the queue is kept per process yet exact: a change by another process (assignment, a name, a new submission, a hogeschool name) shows on the next request', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    const row = async () => {
      const body = (await tessa.client.get('/beheer/aanmeldingen')).body;
      return { body, row: new RegExp(`href="/beheer/aanmeldingen/${id}"[\\s\\S]*?</tr>`).exec(body)?.[0] ?? '' };
    };
    assert.doesNotMatch((await row()).row, /Tessa/);
    await row(); // as a browser does, the first page set the CSRF secret; from the second its token is kept
    const hits = signedInPageStats.hits;
    const again = await row();
    assert.equal(signedInPageStats.hits, hits + 1, 'the page came whole from the kept pages');
    assert.equal(again.body, (await row()).body);
    const version = async () =>
      (await site.db.selectFrom('settings').select('value').where('key', '=', 'team_version').executeTakeFirstOrThrow()).value;
    const before = await version();
    assert.equal(await version(), before, 'reading the queue raises nothing');

    // A second app on the same database: another process, in production.
    const db2 = connect(site.config.database);
    const other = await buildApp({ config: site.config, db: db2 });
    t.after(async () => {
      await other.close();
      await db2.destroy();
    });
    const tessa2 = await signIn(other, db2, 'tessa@programma.nl');
    await tessa2.get(`/beheer/aanmeldingen/${id}`);
    await tessa2.post(`/beheer/aanmeldingen/${id}/toewijzen`, { members: tessa.id });
    assert.notEqual(await version(), before, "the database raised the version in the assignment's transaction");
    const assigned = await row();
    assert.match(assigned.row, /Tessa/);
    assert.match(assigned.row, /In beoordeling/);

    await db2.updateTable('users').set({ name: 'Tessa de Vries' }).where('id', '=', tessa.id).execute();
    assert.match((await row()).row, /Tessa de Vries/);
    const signedIn = await version();
    await db2.updateTable('users').set({ last_sign_in_at: new Date().toISOString() }).where('id', '=', tessa.id).execute();
    assert.equal(await version(), signedIn, 'signing in changes nothing a list shows');

    await db2.updateTable('institutions').set({ name: 'Avans (nieuwe naam)' }).where('brin', '=', '07GR').execute();
    assert.match((await row()).row, /Avans \(nieuwe naam\)/);

    await registration({ db: db2, config: site.config }, 'submitted', { applicant: await user(db2, 'bram@avans.nl', 'applicant') });
    assert.match((await row()).body, /2 aanmeldingen/);
  });

  test('the assessment page is kept per process yet exact: an assignment, a comment, a name and a conflict changed by another process show on the next request (a delivered mail: the acceptance test below)', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    const bob = await teamMember(site, 'bob@programma.nl', 'Bob');
    const page = async () => (await tessa.client.get(`/beheer/aanmeldingen/${id}`)).body;
    const version = async () =>
      (await site.db.selectFrom('settings').select('value').where('key', '=', 'assessment_version').executeTakeFirstOrThrow()).value;
    const bobBox = () => new RegExp(`<input type="checkbox" id="lid-${bob.id}" name="members" value="${bob.id}"( checked)?/>`);
    assert.equal(bobBox().exec(await page())?.[1], undefined, 'Bob is not assigned yet');
    const before = await version();
    await page(); // the CSRF secret was set by the first page; from the second its token is kept
    const hits = signedInPageStats.hits;
    await page();
    assert.equal(signedInPageStats.hits, hits + 1, 'the page came whole from the kept pages');
    assert.equal(await version(), before, 'reading the page raises nothing');

    const db2 = connect(site.config.database);
    const other = await buildApp({ config: site.config, db: db2 });
    t.after(async () => {
      await other.close();
      await db2.destroy();
    });
    const bob2 = await signIn(other, db2, 'bob@programma.nl');
    await bob2.get(`/beheer/aanmeldingen/${id}`);
    await bob2.post(`/beheer/aanmeldingen/${id}/toewijzen`, { members: bob.id });
    assert.equal(bobBox().exec(await page())?.[1], ' checked', 'the assignment shows');
    await bob2.get(`/beheer/aanmeldingen/${id}`);
    await bob2.post(`/beheer/aanmeldingen/${id}/opmerkingen`, { body: 'Vraag naar de salarisschaal.' });
    assert.match(await page(), /Vraag naar de salarisschaal\./);
    await db2.updateTable('users').set({ name: 'Bob Bakker' }).where('id', '=', bob.id).execute();
    assert.match(await page(), /Bob Bakker/);
    assert.doesNotMatch(await page(), /· mogelijk belang: /);
    await bob2.get('/beheer/belangen');
    await bob2.post('/beheer/belangen', { kind: 'institution', institution: '07GR', organisation: '' });
    assert.match(
      await page(),
      /Bob Bakker <span class="mkb-meta">\(\d+ open\)<\/span><span class="mkb-flag"> · mogelijk belang: verbonden aan Avans Hogeschool/,
      'the conflict shows',
    );
    assert.ok(Number(await version()) > Number(before));
  });

  test('waiting days move with the clock though the data is kept: the moment the first one changes is known', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const submittedAt =
      (await site.db.selectFrom('registrations').select('submitted_at').where('id', '=', id).executeTakeFirstOrThrow()).submitted_at ?? '';
    const filters = { state: '', assignee: '', institution: '', sector: '', wish: '' };
    const at = (ms: number) => new Date(Date.parse(submittedAt) + ms);
    const first = await queue(site.db, filters, 'waiting', 1, at(2 * DAY + 1000));
    assert.deepEqual([first.rows[0]?.daysWaiting, first.changesAt], [2, Date.parse(submittedAt) + 3 * DAY]);
    const later = await queue(site.db, filters, 'waiting', 1, at(3 * DAY + 1000));
    assert.deepEqual([later.rows[0]?.daysWaiting, later.changesAt], [3, Date.parse(submittedAt) + 4 * DAY], 'from the kept data');
  });

  test('a kept queue page is sent again only until its first waiting day turns', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const submittedAt = Date.parse(
      (await site.db.selectFrom('registrations').select('submitted_at').where('id', '=', id).executeTakeFirstOrThrow()).submitted_at ?? '',
    );
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    t.mock.timers.enable({ apis: ['Date'], now: submittedAt + 2 * DAY + 1000 });
    const days = async () => /<td>(\d+)<\/td><td>Nog niemand<\/td><\/tr>/.exec((await tessa.client.get('/beheer/aanmeldingen')).body)?.[1];
    assert.equal(await days(), '2');
    assert.equal(await days(), '2');
    const hits = signedInPageStats.hits;
    assert.equal(await days(), '2');
    assert.equal(signedInPageStats.hits, hits + 1, 'kept');
    t.mock.timers.tick(DAY - 2000);
    assert.equal(await days(), '2', 'a second before the day turns: still kept');
    t.mock.timers.tick(2000);
    assert.equal(await days(), '3', 'the day turned: made again');
    assert.equal(signedInPageStats.hits, hits + 2);
  });

  test('assigning moves the registration into review, mails the member, and flags a conflict that can be dismissed with a reason', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    const bob = await teamMember(site, 'bob@programma.nl', 'Bob');
    await bob.client.get('/beheer/belangen');
    const added = await bob.client.post('/beheer/belangen', { kind: 'organisation', organisation: 'Metaal & Co', institution: '' });
    assert.equal(added.statusCode, 303);

    const page = await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    assert.match(page.body, /Voorstel: <strong>Tessa<\/strong>/, 'Bob is flagged, so Tessa is suggested');
    assert.match(page.body, /mogelijk belang: verbonden aan Metaal &amp; Co/);
    const assigned = await tessa.client.post(`/beheer/aanmeldingen/${id}/toewijzen`, { members: tessa.id });
    assert.equal(assigned.headers.location, `/beheer/aanmeldingen/${id}?melding=toegewezen`);
    assert.equal((await state(site, id)).state, 'in_review');
    const mail = await site.db.selectFrom('outbox').select(['to_address', 'subject']).where('subject', 'like', 'Toegewezen%').execute();
    assert.deepEqual(mail, [
      { to_address: 'tessa@programma.nl', subject: 'Toegewezen: aanmelding MKB-' + new Date().getUTCFullYear() + '-0001' },
    ]);

    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    const noReason = await tessa.client.post(`/beheer/aanmeldingen/${id}/belang`, { member: bob.id, reason: '' });
    assert.equal(noReason.statusCode, 422);
    const dismissed = await tessa.client.post(`/beheer/aanmeldingen/${id}/belang`, {
      member: bob.id,
      reason: 'Geen zakelijke band meer sinds 2024',
    });
    assert.equal(dismissed.statusCode, 303);
    assert.match((await tessa.client.get(`/beheer/aanmeldingen/${id}`)).body, /afgedaan: Geen zakelijke band meer sinds 2024/);
  });

  test('an assessment needs explanations for anything but "meets"; drafts stay private; others are hidden until you submit', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    const bob = await teamMember(site, 'bob@programma.nl', 'Bob');
    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    await tessa.client.post(`/beheer/aanmeldingen/${id}/toewijzen`, { members: tessa.id });

    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    const bad = await tessa.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, {
      ...ALL_MEET,
      explanation_C3: '',
      verdict_C5: '',
      actie: 'indienen',
    });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(
      [...bad.body.matchAll(/<a href="#veld-(\w+)">(.*?)<\/a>/g)].map((m) => m[2]),
      ['Licht het oordeel over C3 toe', 'Kies een oordeel voor C5'],
    );
    assert.match(bad.body, /value="partly" checked/, 'choices kept');

    const draft = await tessa.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, { ...ALL_MEET, actie: 'concept' });
    assert.equal(draft.headers.location, `/beheer/aanmeldingen/${id}?melding=concept`);
    await bob.client.get(`/beheer/aanmeldingen/${id}`);
    assert.doesNotMatch((await bob.client.get(`/beheer/aanmeldingen/${id}`)).body, /Model ontbreekt/, 'a draft is not shown to others');

    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    assert.equal((await tessa.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, { ...ALL_MEET, actie: 'indienen' })).statusCode, 303);
    const bobBefore = (await bob.client.get(`/beheer/aanmeldingen/${id}`)).body;
    assert.match(bobBefore, /Er is 1 andere beoordeling/);
    assert.doesNotMatch(bobBefore, /Model ontbreekt/);
    await bob.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, {
      ...ALL_MEET,
      verdict_C3: 'meets',
      explanation_C3: '',
      recommendation: 'accept',
      proposed_participation: 'pilot',
      actie: 'indienen',
    });
    const bobAfter = (await bob.client.get(`/beheer/aanmeldingen/${id}`)).body;
    assert.match(bobAfter, /Tessa: Voldoet deels — Model ontbreekt\./);
    assert.equal(
      (await tessa.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, { ...ALL_MEET, actie: 'indienen' })).statusCode,
      409,
      'a submitted assessment is fixed',
    );

    const applicantView = await site.app.inject({ method: 'GET', url: `/aanmeldingen/${id}` });
    assert.equal(applicantView.statusCode, 303, 'not public');
  });

  test('internal comments are for the team only: escaped for the team, absent for the applicant', async (t) => {
    const site = await buildTestApp(t);
    const { id, applicant: anna } = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    assert.equal((await tessa.client.post(`/beheer/aanmeldingen/${id}/opmerkingen`, { body: '' })).statusCode, 422);
    await tessa.client.post(`/beheer/aanmeldingen/${id}/opmerkingen`, { body: 'Let op <script>alert(1)</script> intern' });
    const teamPage = (await tessa.client.get(`/beheer/aanmeldingen/${id}`)).body;
    assert.match(teamPage, /Let op &lt;script>alert\(1\)&lt;\/script> intern/);
    const annaPage = (await anna.get(`/aanmeldingen/${id}`)).body;
    assert.doesNotMatch(annaPage, /Let op/);
    assert.equal((await anna.get(`/beheer/aanmeldingen/${id}`)).statusCode, 403);
  });
});

describe('assessment: decisions', () => {
  async function inReview(site: Site) {
    const reg = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    await tessa.client.get(`/beheer/aanmeldingen/${reg.id}`);
    await tessa.client.post(`/beheer/aanmeldingen/${reg.id}/toewijzen`, { members: tessa.id });
    await tessa.client.get(`/beheer/aanmeldingen/${reg.id}`);
    // A decision follows at least one submitted assessment.
    await tessa.client.post(`/beheer/aanmeldingen/${reg.id}/beoordeling`, { ...ALL_MEET, actie: 'indienen' });
    await tessa.client.get(`/beheer/aanmeldingen/${reg.id}`);
    return { ...reg, tessa };
  }

  test('request information: preview first, then the mail as previewed; only C3 reopens; the resubmission tells the assessor and shows what changed', async (t) => {
    const site = await buildTestApp(t);
    const { id, tessa, applicant: anna } = await inReview(site);
    const form = {
      kind: 'request_info',
      reopen: 'overeenkomst',
      message: 'Stuur het <model> mee.',
      deadline: future,
      participation: '',
      conditions: '',
    };
    const missing = await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, {
      ...form,
      deadline: '2020-01-01',
      reopen: null,
      actie: 'voorbeeld',
    });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /Kies ten minste één criterium dat aangevuld moet worden/);
    assert.match(missing.body, /De uiterste datum moet in de toekomst liggen/);

    const preview = await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, { ...form, actie: 'voorbeeld' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Aanvulling gevraagd voor uw aanmelding MKB-\d{4}-0001/);
    assert.match(preview.body, /meer informatie nodig over: C3 driepartijenovereenkomst/);
    assert.match(preview.body, /Stuur het &lt;model> mee\./);
    assert.equal(await countRows(site.db, 'decisions'), 0, 'a preview decides nothing');

    const sent = await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, { ...form, actie: 'versturen' });
    assert.equal(sent.statusCode, 303);
    const s = await state(site, id);
    assert.deepEqual([s.state, JSON.parse(s.reopened_steps ?? '[]')], ['info_requested', ['overeenkomst']]);
    const mail = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('subject', 'like', 'Aanvulling gevraagd%')
      .executeTakeFirstOrThrow();
    assert.equal(mail.to_address, 'anna@avans.nl');
    assert.match(mail.body_text, /Stuur het <model> mee\./, 'plain text mail: the text as typed');

    const detail = (await anna.get(`/aanmeldingen/${id}`)).body;
    assert.match(detail, /Aanvulling gevraagd/);
    assert.match(detail, /Stuur het &lt;model> mee\./);
    assert.equal((await saveStep(anna, id, 'salaris', { salary: 'no' })).statusCode, 409);
    assert.equal((await saveStep(anna, id, 'overeenkomst', { agreement: 'yes', agreement_type: 'Leerwerkovereenkomst' })).statusCode, 303);
    assert.equal((await submit(anna, id)).statusCode, 303);
    const back = await site.db.selectFrom('outbox').select('to_address').where('subject', 'like', 'Aanvulling ontvangen%').execute();
    assert.deepEqual(back, [{ to_address: 'tessa@programma.nl' }]);

    const team = (await tessa.client.get(`/beheer/aanmeldingen/${id}`)).body;
    assert.match(team, /Gewijzigd sinds versie 1/);
    assert.match(team, /<td>Soort overeenkomst<\/td><td><del>Praktijkovereenkomst<\/del><\/td><td><ins>Leerwerkovereenkomst<\/ins><\/td>/);
  });

  test('accept as pilot: the applicant sees "Toegelaten als pilotpartner"; the audit trail lists every step in order', async (t) => {
    const site = await buildTestApp(t);
    const { id, tessa, applicant: anna } = await inReview(site);
    await tessa.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, {
      ...ALL_MEET,
      recommendation: 'accept',
      proposed_participation: 'pilot',
      actie: 'indienen',
    });
    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    const noParticipation = await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, { kind: 'accept', actie: 'versturen' });
    assert.equal(noParticipation.statusCode, 422);
    assert.match(noParticipation.body, /Kies als wat de hogeschool wordt toegelaten/);
    const ok = await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, {
      kind: 'accept',
      participation: 'pilot',
      conditions: 'Jaarlijks monitoren',
      message: 'Welkom!',
      actie: 'versturen',
    });
    assert.equal(ok.statusCode, 303);
    assert.deepEqual(await state(site, id), { state: 'accepted', version: 1, participation: 'pilot', reopened_steps: null });
    const mine = (await anna.get('/mijn')).body;
    assert.match(mine, /Toegelaten als pilotpartner/);
    assert.match(mine, /<p class="mkb-pre mkb-decision-message">Welkom!<\/p>/, 'the decision message on /mijn');
    const mail = await site.db
      .selectFrom('outbox')
      .select('body_text')
      .where('subject', 'like', '%is toegelaten')
      .executeTakeFirstOrThrow();
    assert.match(mail.body_text, /U doet mee als pilotpartner\./);
    assert.match(mail.body_text, /Voorwaarden: Jaarlijks monitoren/);
    const trail = await site.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      trail.map((e) => e.action).filter((a) => a !== 'mail.queued'),
      [
        'registration.created',
        'registration.submitted',
        'registration.assigned',
        'registration.review_started',
        'assessment.submitted',
        'registration.accepted',
        'kickoff.invited',
      ],
    );
    // One decision mail to each contact of the registration (both contact persons of step 1).
    assert.equal(trail.filter((e) => e.action === 'mail.queued').length, 2);
    // The team's trail says what the outbox did: queued until it was sent.
    const queued = (await tessa.client.get(`/beheer/aanmeldingen/${id}`)).body;
    assert.equal(queued.match(/E-mail in de wachtrij/g)?.length, 2);
    assert.doesNotMatch(queued, /E-mail verstuurd/);
    await site.db.updateTable('outbox').set({ sent_at: new Date().toISOString() }).where('subject', 'like', '%is toegelaten').execute();
    const sent = (await tessa.client.get(`/beheer/aanmeldingen/${id}`)).body;
    assert.equal(sent.match(/E-mail verstuurd/g)?.length, 2);
    assert.doesNotMatch(sent, /E-mail in de wachtrij/);
  });

  test('two team members deciding at the same moment: one decision, one clear message, one audit entry', async (t) => {
    const site = await buildTestApp(t);
    const { id, tessa } = await inReview(site);
    const bob = await teamMember(site, 'bob@programma.nl', 'Bob');
    await bob.client.get(`/beheer/aanmeldingen/${id}`);
    const [a, b] = await Promise.all([
      tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, { kind: 'accept', participation: 'pilot', actie: 'versturen' }),
      bob.client.post(`/beheer/aanmeldingen/${id}/besluit`, { kind: 'decline', message: 'Geen mkb', actie: 'versturen' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409]);
    const loser = a.statusCode === 409 ? a : b;
    assert.match(loser.body, /Er is al een besluit genomen/);
    assert.equal(await countRows(site.db, 'decisions'), 1);
    const decided = await site.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['registration.accepted', 'registration.declined'])
      .execute();
    assert.equal(decided.length, 1);
  });

  test('a decision on a withdrawn registration is refused with a message', async (t) => {
    const site = await buildTestApp(t);
    const { id, tessa, applicant: anna } = await inReview(site);
    await anna.get(`/aanmeldingen/${id}`);
    await anna.post(`/aanmeldingen/${id}/intrekken`, { reason: 'Toch niet' });
    const res = await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, { kind: 'decline', message: 'x', actie: 'versturen' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /De aanmelding is ingetrokken/);
    assert.equal(await countRows(site.db, 'decisions'), 0);
  });
});

describe('assessment: templates and reminders', () => {
  test('a template with an unknown placeholder is refused when saved; a good one is used for the next decision', async (t) => {
    const site = await buildTestApp(t);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    await tessa.client.get('/beheer/sjablonen/decision_decline');
    const bad = await tessa.client.post('/beheer/sjablonen/decision_decline', {
      subject: 'Besluit {kenmerk}',
      body: 'Beste {naam}, {reden}',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Onbekende invulplaats: \{reden\}/);
    assert.match(bad.body, />Beste \{naam\}, \{reden\}<\/textarea>/);
    const ok = await tessa.client.post('/beheer/sjablonen/decision_decline', {
      subject: 'Besluit {kenmerk}',
      body: 'Beste {naam}, {bericht}',
    });
    assert.equal(ok.headers.location, '/beheer/sjablonen?opgeslagen=1');
    const stored = await site.db
      .selectFrom('mail_templates')
      .select(['subject', 'body'])
      .where('key', '=', 'decision_decline')
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { subject: 'Besluit {kenmerk}', body: 'Beste {naam}, {bericht}' });
    assert.equal((await tessa.client.get('/beheer/sjablonen/bestaat-niet')).statusCode, 404);
  });

  test('reminders: an assessment open too long reminds the assignee once; a passed deadline reminds the applicant, later the assignee', async (t) => {
    const site = await buildTestApp(t);
    const { id } = await submittedRegistration(site);
    const tessa = await teamMember(site, 'tessa@programma.nl', 'Tessa');
    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    await tessa.client.post(`/beheer/aanmeldingen/${id}/toewijzen`, { members: tessa.id });
    const config = { baseUrl: 'http://localhost:3000' };
    const day = 86_400_000;
    assert.equal(await runReminders(site.db, config, new Date(Date.now() + 3 * day)), 0, 'not yet');
    assert.equal(await runReminders(site.db, config, new Date(Date.now() + 11 * day)), 1);
    assert.equal(await runReminders(site.db, config, new Date(Date.now() + 12 * day)), 0, 'once');
    await site.db.insertInto('settings').values({ key: 'review_reminder_days', value: '3' }).execute();
    await site.db.updateTable('registrations').set({ review_reminded_at: null }).execute();
    assert.equal(await runReminders(site.db, config, new Date(Date.now() + 4 * day)), 1, 'the number of days is a setting');
    const reminder = await site.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('subject', 'like', 'Herinnering:%')
      .execute();
    assert.deepEqual(
      reminder.map((r) => r.to_address),
      ['tessa@programma.nl', 'tessa@programma.nl'],
    );

    await tessa.client.get(`/beheer/aanmeldingen/${id}`);
    await tessa.client.post(`/beheer/aanmeldingen/${id}/beoordeling`, { ...ALL_MEET, actie: 'indienen' });
    await tessa.client.post(`/beheer/aanmeldingen/${id}/besluit`, {
      kind: 'request_info',
      reopen: 'salaris',
      message: 'Welke cao?',
      deadline: future,
      actie: 'versturen',
    });
    const afterDeadline = new Date(Date.parse(`${future}T12:00:00Z`) + day);
    assert.equal(await runReminders(site.db, config, afterDeadline), 2);
    const toApplicant = await site.db
      .selectFrom('outbox')
      .select('to_address')
      .where('subject', 'like', 'Herinnering: aanvulling%')
      .orderBy('to_address')
      .execute();
    assert.deepEqual(toApplicant, [{ to_address: 'anna@avans.nl' }, { to_address: 'bram@avans.nl' }]);
    assert.equal(await runReminders(site.db, config, new Date(afterDeadline.getTime() + 2 * day)), 0);
    assert.equal(await runReminders(site.db, config, new Date(afterDeadline.getTime() + 6 * day)), 1);
    const escalated = await site.db.selectFrom('outbox').select('to_address').where('subject', 'like', 'Aanvulling blijft uit%').execute();
    assert.deepEqual(escalated, [{ to_address: 'tessa@programma.nl' }]);
  });
});
