import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, Client, lastMailTo, signIn } from '../../../test/helpers.ts';
import { PERSONAL_DATA } from '../../personal-data.ts';
import { runRetention } from '../../platform/privacy/retention.ts';
import { answerLink, proposeIntroduction, runIntroductionJobs } from './introductions.ts';
import { ensureNetworkLinks } from './named-partners.ts';
import {
  answerIntro,
  duplicateReason,
  isKvk,
  type MatchOrganisation,
  type MatchRoute,
  nameKey,
  routeNeeds,
  suggest,
  websiteError,
} from './rules.ts';
import { addOrganisation } from './service.ts';

type Site = Awaited<ReturnType<typeof buildTestApp>>;
const sectorName = (c: string) => ({ C: 'Industrie', F: 'Bouwnijverheid', Q: 'Zorg' })[c] ?? c;

describe('network: the rule table', () => {
  const route: MatchRoute = {
    id: 'r',
    title: 'Ad Bouw',
    sector: 'F',
    province: 'Gelderland',
    needs: ['leerwerkplekken', 'praktijkbegeleiders'],
  };
  const org = (over: Partial<MatchOrganisation>): MatchOrganisation => ({
    id: 'o',
    name: 'Bouwbedrijf',
    sectors: ['F'],
    province: 'Gelderland',
    offers: ['leerwerkplekken'],
    ...over,
  });

  test('each rule alone, in words: sector, province (same, neighbour, far), each need', () => {
    const all = suggest(route, org({ offers: ['leerwerkplekken', 'praktijkbegeleiders'] }), sectorName);
    assert.deepEqual(all, {
      points: 3 + 2 + 2 + 2,
      reasons: [
        { rule: 'sector', match: 'ja', text: 'sector bouwnijverheid: ja' },
        { rule: 'provincie', match: 'ja', text: 'provincie Gelderland: ja' },
        { rule: 'aanbod:leerwerkplekken', match: 'ja', text: 'zoekt leerwerkplekken: ja' },
        { rule: 'aanbod:praktijkbegeleiders', match: 'ja', text: 'zoekt praktijkbegeleiders: ja' },
      ],
    });
    const neighbour = suggest(route, org({ province: 'Utrecht' }), sectorName);
    assert.equal(neighbour?.points, 3 + 1 + 2);
    assert.deepEqual(neighbour?.reasons[1], { rule: 'provincie', match: 'deels', text: 'provincie Gelderland: buurprovincie (Utrecht)' });
    const far = suggest(route, org({ province: 'Zeeland' }), sectorName);
    assert.deepEqual(far?.reasons[1], { rule: 'provincie', match: 'nee', text: 'provincie Gelderland: nee (Zeeland)' });
    assert.equal(far?.points, 3 + 2);
    // Only the province fits: still a suggestion, without the sector's points.
    assert.equal(suggest(route, org({ sectors: ['Q'] }), sectorName)?.points, 2 + 2);
  });

  test('no suggestion without a fit on sector or province, or without anything the route looks for', () => {
    assert.equal(suggest(route, org({ sectors: ['Q'], province: 'Zeeland' }), sectorName), null);
    assert.equal(suggest(route, org({ offers: ['gastlessen'] }), sectorName), null);
  });

  test('what a route looks for comes from its themes and the words of its support needs', () => {
    assert.deepEqual(routeNeeds({ themes: [], supportNeeds: '' }), ['leerwerkplekken']);
    assert.deepEqual(routeNeeds({ themes: ['supervision'], supportNeeds: 'Hulp bij werving van havisten' }), [
      'leerwerkplekken',
      'praktijkbegeleiders',
      'werving',
    ]);
    assert.deepEqual(routeNeeds({ themes: ['curriculum', 'cooperation'], supportNeeds: '' }), [
      'leerwerkplekken',
      'gastlessen',
      'curriculum',
    ]);
  });

  test('KvK numbers, websites, duplicates and the moves of an introduction', () => {
    assert.equal(isKvk('12345678'), true);
    assert.equal(isKvk('1234567'), false);
    assert.equal(isKvk('1234567a'), false);
    assert.equal(websiteError('https://www.bouw.nl'), null);
    assert.equal(websiteError('ftp://bouw.nl'), 'Een website begint met https:// of http://');
    assert.equal(websiteError('bouw'), 'Vul het volledige adres van de website in, zoals https://www.bedrijf.nl');
    assert.equal(nameKey('Bouwbedrijf De Vries B.V.'), nameKey('bouwbedrijf de vries'));
    assert.equal(
      duplicateReason({ kvk: '12345678', name: 'A', place: null }, { kvk: '12345678', name: 'B', place: null }),
      'zelfde KvK-nummer (12345678)',
    );
    assert.equal(
      duplicateReason({ kvk: null, name: 'De Vries BV', place: 'Arnhem' }, { kvk: '1', name: 'de vries', place: 'Arnhem' }),
      'zelfde naam in Arnhem',
    );
    assert.equal(duplicateReason({ kvk: null, name: 'De Vries', place: 'Arnhem' }, { kvk: null, name: 'De Vries', place: 'Ede' }), null);
    assert.equal(answerIntro('asked_org', 'org', 'ja'), 'asked_route');
    assert.equal(answerIntro('asked_org', 'org', 'nee'), 'declined_org');
    assert.equal(answerIntro('asked_org', 'org', 'later'), 'later');
    assert.equal(answerIntro('asked_route', 'route', 'ja'), 'introduced');
    assert.equal(answerIntro('asked_route', 'route', 'nee'), 'declined_route');
    assert.equal(answerIntro('asked_org', 'route', 'ja'), null, 'the route answers only after the organisation');
    assert.equal(answerIntro('introduced', 'org', 'nee'), null);
  });
});

const FORM = {
  name: 'Bouwbedrijf Jansen',
  kind: 'mkb',
  kvk: '87654321',
  sectors: ['F'],
  province: 'Gelderland',
  place: 'Arnhem',
  size: '10-49',
  website: 'https://www.jansenbouw.nl',
  offers: ['leerwerkplekken', 'praktijkbegeleiders'],
  description: 'Wij leiden graag op.',
  contact_name: 'Jan Jansen',
  contact_email: 'jan@jansenbouw.nl',
  consent: 'ja',
};

async function signUp(site: Site, form: Record<string, string | string[]> = FORM) {
  const visitor = new Client(site.app);
  await visitor.get('/netwerk/aanmelden');
  const res = await visitor.post('/netwerk/aanmelden', form);
  return { visitor, res };
}

async function confirmFromMail(site: Site, visitor: Client, to: string) {
  const mail = await lastMailTo(site.db, to);
  const token = /\/netwerk\/bevestigen\?token=([A-Za-z0-9_-]+)/.exec(mail?.body_text ?? '')?.[1];
  assert.ok(token, 'a confirmation link in the mail');
  const page = await visitor.get(`/netwerk/bevestigen?token=${token}`);
  assert.match(page.body, /Bevestig de aanmelding van <strong>Bouwbedrijf Jansen<\/strong>/);
  return { token, res: await visitor.post('/netwerk/bevestigen', { token }) };
}

const organisations = (site: Site) => site.db.selectFrom('organisations').selectAll().orderBy('created_at').execute();

describe('network: sign-up, directory and consent', () => {
  test('bad input gets a message per field and keeps what was typed; nothing is stored before the address is confirmed', async (t) => {
    const site = await buildTestApp(t);
    const { res } = await signUp(site, { ...FORM, kvk: '1234', website: 'ftp://jansen', offers: [], contact_email: 'geen-adres' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Een KvK-nummer heeft precies 8 cijfers/);
    assert.match(res.body, /Een website begint met https:\/\/ of http:\/\//);
    assert.match(res.body, /Kies wat de organisatie biedt of zoekt/);
    assert.match(res.body, /Vul een geldig e-mailadres in, zoals naam@bedrijf.nl/);
    assert.match(res.body, /value="Bouwbedrijf Jansen"/);
    assert.match(res.body, /value="F" checked/);
    const letters = await signUp(site, { ...FORM, kvk: '1234567a' });
    assert.match(letters.res.body, /Een KvK-nummer bestaat alleen uit cijfers, zoals 12345678/);

    const ok = await signUp(site);
    assert.equal(ok.res.statusCode, 303);
    assert.equal(ok.res.headers.location, '/netwerk/aanmelden?verstuurd=jan%40jansenbouw.nl');
    assert.deepEqual(await organisations(site), [], 'nothing stored as an organisation yet');
    assert.equal((await lastMailTo(site.db, 'jan@jansenbouw.nl'))?.subject, 'Bevestig de aanmelding van uw organisatie');

    // A robot fills the hidden field: the same answer, no sign-up, no mail.
    const before = (await site.db.selectFrom('outbox').select('id').execute()).length;
    const robot = await signUp(site, { ...FORM, contact_email: 'robot@spam.nl', homepage: 'http://spam' });
    assert.equal(robot.res.headers.location, '/netwerk/aanmelden?verstuurd=robot%40spam.nl');
    assert.equal((await site.db.selectFrom('outbox').select('id').execute()).length, before);
    assert.equal((await site.db.selectFrom('organisation_signups').select('id').where('email', '=', 'robot@spam.nl').execute()).length, 0);

    // Three links an hour per address.
    await signUp(site);
    await signUp(site);
    const fourth = await signUp(site);
    assert.equal(fourth.res.statusCode, 422);
    assert.match(fourth.res.body, /al drie aanmeldingen verstuurd/);

    // Never confirmed: deleted by the retention run once the setting's days after the link lapsed.
    const signups = () => site.db.selectFrom('organisation_signups').select('id').where('email', '=', 'jan@jansenbouw.nl').execute();
    assert.equal((await signups()).length, 3);
    const soon = await runRetention(site.db, PERSONAL_DATA, site.config.erasureLedger, new Date(Date.now() + 3 * 86_400_000));
    assert.equal(soon['network-signups'], undefined, 'not before the period ends');
    const done = await runRetention(site.db, PERSONAL_DATA, site.config.erasureLedger, new Date(Date.now() + 30 * 86_400_000));
    assert.equal(done['network-signups'], 3);
    assert.deepEqual(await signups(), []);
  });

  test('confirmed once: the record is made (new, with consent), its contact gets an account; the same KvK again goes to that record; the team activates it for the directory and the API; consent withdrawn takes it out at once', async (t) => {
    const site = await buildTestApp(t);
    const { visitor } = await signUp(site);
    const { token, res } = await confirmFromMail(site, visitor, 'jan@jansenbouw.nl');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Uw organisatie is aangemeld/);
    const again = await visitor.post('/netwerk/bevestigen', { token });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Deze bevestigingslink werkt niet meer/);
    const [org] = await organisations(site);
    assert.ok(org);
    assert.deepEqual(
      [org.name, org.kvk, org.state, org.source, Boolean(org.consent_at)],
      ['Bouwbedrijf Jansen', '87654321', 'nieuw', 'aanmelding', true],
    );
    assert.equal(
      (await site.db.selectFrom('users').select('role').where('email', '=', 'jan@jansenbouw.nl').executeTakeFirstOrThrow()).role,
      'partner',
    );

    // The same KvK number signed up again by someone else: no second record; the first is flagged for the team.
    const second = await signUp(site, { ...FORM, name: 'Jansen Bouw', contact_email: 'info@jansenbouw.nl' });
    assert.equal(second.res.statusCode, 303);
    const mail = await lastMailTo(site.db, 'info@jansenbouw.nl');
    const token2 = /token=([A-Za-z0-9_-]+)/.exec(mail?.body_text ?? '')?.[1] ?? '';
    await second.visitor.get(`/netwerk/bevestigen?token=${token2}`);
    const confirmed = await second.visitor.post('/netwerk/bevestigen', { token: token2 });
    assert.match(confirmed.body, /stond al in het netwerk/);
    assert.equal((await organisations(site)).length, 1);

    // Not public until the team saved it.
    const anonymous = new Client(site.app);
    assert.doesNotMatch((await anonymous.get('/netwerk')).body, /Bouwbedrijf Jansen/);
    await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');
    assert.match((await team.get('/beheer')).body, /1 nieuwe aanmelding/);
    const saved = await team.post(`/beheer/netwerk/${org.id}`, { ...FORM });
    assert.equal(saved.statusCode, 303);
    const directory = await anonymous.get('/netwerk?provincie=Gelderland&biedt=praktijkbegeleiders');
    assert.match(directory.body, /<a href="\/netwerk\/bouwbedrijf-jansen">Bouwbedrijf Jansen<\/a>/);
    assert.match((await anonymous.get('/netwerk?provincie=Zeeland')).body, /Geen organisaties met deze keuzes/);
    const page = await anonymous.get('/netwerk/bouwbedrijf-jansen');
    assert.match(page.body, /Leerwerkplekken, Praktijkbegeleiders/);
    assert.doesNotMatch(page.body, /jan@jansenbouw\.nl|Jan Jansen/, 'never the contact person');
    const api = JSON.parse((await anonymous.get('/api/v1/organisations')).body) as { data: { name: string; kvk: string }[] };
    assert.deepEqual(
      api.data.map((o) => [o.name, o.kvk]),
      [['Bouwbedrijf Jansen', '87654321']],
    );
    assert.ok(JSON.parse((await anonymous.get('/api/v1/openapi.json')).body).paths['/organisations'].get);
    assert.match((await anonymous.get('/sitemap.xml')).body, /\/netwerk\/bouwbedrijf-jansen</);
    assert.match((await anonymous.get('/feed.xml')).body, /<title>Netwerk: Bouwbedrijf Jansen<\/title>/);

    // The contact signs in, sees only their own organisation, and withdraws consent: gone everywhere at once.
    const jan = await signIn(site.app, site.db, 'jan@jansenbouw.nl');
    assert.match((await jan.get('/mijn')).body, /<a href="\/mijn\/organisaties\/[0-9a-f-]{36}">Bouwbedrijf Jansen<\/a>/);
    const withdrawn = await jan.post(`/mijn/organisaties/${org.id}/toestemming`, {});
    assert.equal(withdrawn.statusCode, 303);
    assert.doesNotMatch((await anonymous.get('/netwerk')).body, /Bouwbedrijf Jansen/);
    assert.equal((await anonymous.get('/netwerk/bouwbedrijf-jansen')).statusCode, 404);
    assert.deepEqual(JSON.parse((await anonymous.get('/api/v1/organisations')).body).data, []);
    assert.doesNotMatch((await anonymous.get('/sitemap.xml')).body, /bouwbedrijf-jansen/);
    assert.doesNotMatch((await anonymous.get('/feed.xml')).body, /Bouwbedrijf Jansen/);
  });

  test('a partner sees no other organisation, no team page and no registration', async (t) => {
    const site = await buildTestApp(t);
    const team = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const other = await addOrganisation(site.db, team, {
      ...FORM,
      name: 'Ander Bedrijf',
      kvk: '11112222',
      contact_email: 'ander@bedrijf.nl',
    });
    const mine = await addOrganisation(site.db, team, { ...FORM });
    assert.ok(other.ok && mine.ok);
    const made = await registration(site, 'submitted', { applicant: await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' }) });
    const jan = await signIn(site.app, site.db, 'jan@jansenbouw.nl');
    assert.equal((await jan.get(`/mijn/organisaties/${mine.ok ? mine.id : ''}`)).statusCode, 200);
    assert.equal((await jan.get(`/mijn/organisaties/${other.ok ? other.id : ''}`)).statusCode, 404);
    assert.equal((await jan.post(`/mijn/organisaties/${other.ok ? other.id : ''}/toestemming`, {})).statusCode, 404);
    assert.equal((await jan.get('/beheer/netwerk')).statusCode, 403);
    assert.equal((await jan.get(`/aanmeldingen/${made.id}`)).statusCode, 404);
    // Bad input on their own record: a message, nothing lost.
    const bad = await jan.post(`/mijn/organisaties/${mine.ok ? mine.id : ''}`, { ...FORM, website: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Een website begint met https:\/\/ of http:\/\//);
  });
});

describe('network: partners named in registrations, duplicates and merging', () => {
  test('an accepted route links its companies by KvK for certain and by name only as a suggestion; the team confirms; a merge keeps links and history', async (t) => {
    const site = await buildTestApp(t);
    const team = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    // Known before: the association by name (no KvK), the company by its number under another name.
    const association = await addOrganisation(site.db, team, {
      name: 'Koninklijke Metaalunie',
      kind: 'branche',
      province: 'Utrecht',
      offers: ['curriculum'],
    });
    const company = await addOrganisation(site.db, team, {
      ...FORM,
      name: 'Metaal en Co',
      kvk: '12345678',
      sectors: ['C'],
      contact_email: '',
    });
    assert.ok(association.ok && company.ok);
    const route = await registration(site, 'accepted', { team });
    const links = await site.db
      .selectFrom('organisation_links')
      .selectAll()
      .where('registration_id', '=', route.id)
      .orderBy('role')
      .execute();
    assert.deepEqual(
      links.map((l) => [
        l.role,
        l.named_as,
        l.organisation_id === (association.ok ? association.id : '') || l.organisation_id === (company.ok ? company.id : ''),
        l.confirmed,
      ]),
      [
        ['bedrijf', 'Metaal & Co', true, 1],
        ['branche', 'Koninklijke Metaalunie', true, 0],
      ],
    );
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    const page = await client.get(`/beheer/netwerk/${association.ok ? association.id : ''}`);
    assert.match(page.body, /naam gelijk, niet zeker/);
    const linkId = links.find((l) => l.role === 'branche')?.id ?? '';
    await client.post(`/beheer/netwerk/koppelingen/${linkId}/bevestigen`, {});
    assert.equal(
      (await site.db.selectFrom('organisation_links').select('confirmed').where('id', '=', linkId).executeTakeFirstOrThrow()).confirmed,
      1,
    );

    // A duplicate: the same name in the same place, signed up later.
    const dup = await addOrganisation(site.db, team, {
      ...FORM,
      name: 'Metaal & Co B.V.',
      kvk: '',
      kind: 'anders',
      place: 'Arnhem',
      contact_email: 'info@metaal.nl',
    });
    await site.db.updateTable('organisations').set({ place: 'Arnhem' }).where('name', '=', 'Metaal en Co').execute();
    assert.ok(dup.ok);
    const list = await client.get('/beheer/netwerk?status=dubbel');
    assert.match(list.body, /Metaal &amp; Co B\.V\. \(zelfde naam in Arnhem\)/);
    const merged = await client.post(`/beheer/netwerk/${company.ok ? company.id : ''}/samenvoegen`, { other: dup.ok ? dup.id : '' });
    assert.equal(merged.statusCode, 303);
    const survivor = await site.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', company.ok ? company.id : '')
      .executeTakeFirstOrThrow();
    const gone = await site.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', dup.ok ? dup.id : '')
      .executeTakeFirstOrThrow();
    assert.deepEqual([gone.state, gone.merged_into], ['samengevoegd', survivor.id]);
    assert.equal(survivor.contact_email, 'info@metaal.nl', 'the survivor takes the contact it lacked');
    assert.equal(
      (await site.db.selectFrom('organisation_links').select('id').where('organisation_id', '=', survivor.id).execute()).length,
      1,
    );
    const history = await site.db
      .selectFrom('audit_events')
      .select(['subject_id', 'action'])
      .where('action', '=', 'organisation.merged')
      .execute();
    assert.equal(history.length, 2, 'both records keep the merge in their history');
    assert.equal((await client.get(`/beheer/netwerk/${gone.id}`)).headers.location, `/beheer/netwerk/${survivor.id}`);
  });
});

describe('network: registrations admitted before the network existed', () => {
  test('at start-up their named partners are linked once; a second start adds nothing', async (t) => {
    const site = await buildTestApp(t);
    const team = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const route = await registration(site, 'accepted', { team });
    // As if the route was admitted before this version: no links, no records made from it.
    await site.db.deleteFrom('organisation_links').execute();
    await site.db.deleteFrom('organisations').execute();
    await site.db.deleteFrom('settings').where('key', '=', 'network_named_partners_linked_at').execute();
    assert.equal(await ensureNetworkLinks(site.db), 2);
    const links = await site.db
      .selectFrom('organisation_links')
      .select(['role', 'named_as', 'confirmed'])
      .where('registration_id', '=', route.id)
      .orderBy('role')
      .execute();
    assert.deepEqual(links, [
      { role: 'bedrijf', named_as: 'Metaal & Co', confirmed: 1 },
      { role: 'branche', named_as: 'Koninklijke Metaalunie', confirmed: 1 },
    ]);
    const company = await site.db
      .selectFrom('organisations')
      .select(['kvk', 'consent_at', 'source'])
      .where('name', '=', 'Metaal & Co')
      .executeTakeFirstOrThrow();
    assert.deepEqual(company, { kvk: '12345678', consent_at: null, source: 'registratie' });
    assert.equal(await ensureNetworkLinks(site.db), 0, 'once');
  });
});

describe('network: introductions (double opt-in)', () => {
  async function setup(t: Parameters<typeof buildTestApp>[0]) {
    const site = await buildTestApp(t);
    const team = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const route = await registration(site, 'accepted', {
      team,
      answers: {
        opleiding: { sector: 'F', province: 'Gelderland' },
        deelname: { participation: 'pilot', support_needs: 'Praktijkbegeleiding op de bouwplaats', themes: 'supervision' },
      },
    });
    const org = await addOrganisation(site.db, team, { ...FORM });
    assert.ok(org.ok);
    return { site, team, route, orgId: org.ok ? org.id : '' };
  }

  const linkFrom = async (site: Site, to: string) => {
    const body = (await lastMailTo(site.db, to))?.body_text ?? '';
    const m = /\/netwerk\/introductie\/([0-9a-f-]{36})\?kant=(org|route)&sleutel=([A-Za-z0-9_-]+)/.exec(body);
    assert.ok(m, `an answer link in the mail to ${to}`);
    return { id: m[1] as string, kant: m[2] as string, sleutel: m[3] as string };
  };
  const answer = async (site: Site, link: { id: string; kant: string; sleutel: string }, antwoord: string) => {
    const c = new Client(site.app);
    // A form of the site gives the visitor's CSRF token, as the answer page does in a browser.
    await c.get('/netwerk/aanmelden');
    return c.post(`/netwerk/introductie/${link.id}`, { kant: link.kant, sleutel: link.sleutel, antwoord });
  };

  test('a suggestion on the route with its reasons; both say yes: one mail to both with each other\'s details; the outcome "partner" links them', async (t) => {
    const { site, route, orgId } = await setup(t);
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');
    const page = await team.get(`/beheer/netwerk/routes/${route.id}`);
    assert.match(page.body, /Bouwbedrijf Jansen/);
    assert.match(page.body, /sector bouwnijverheid: ja/);
    assert.match(page.body, /provincie Gelderland: ja/);
    assert.match(page.body, /zoekt praktijkbegeleiders: ja/);
    const proposed = await team.post(`/beheer/netwerk/${orgId}/voorstellen`, {
      route: route.id,
      terug: 'route',
      [`toelichting-${orgId}`]: 'Zij zoeken begeleiders.',
    });
    assert.equal(proposed.headers.location, `/beheer/netwerk/routes/${route.id}?melding=voorgesteld`);
    assert.doesNotMatch(
      (await team.get(`/beheer/netwerk/routes/${route.id}`)).body,
      /Bouwbedrijf Jansen/,
      'no longer suggested while under way',
    );

    const orgLink = await linkFrom(site, 'jan@jansenbouw.nl');
    // The route's contacts are asked only after the organisation said yes.
    assert.equal((await lastMailTo(site.db, 'anna@avans.nl'))?.subject.startsWith('Kennismaken'), false);
    const tampered = await answer(site, { ...orgLink, sleutel: `${orgLink.sleutel.slice(0, -2)}xx` }, 'ja');
    assert.equal(tampered.statusCode, 409);
    assert.match(tampered.body, /Deze link werkt niet \(meer\)/);
    assert.equal((await answer(site, orgLink, 'ja')).statusCode, 303);
    const twice = await answer(site, orgLink, 'nee');
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /Deze vraag is al beantwoord/);
    const routeLink = await linkFrom(site, 'anna@avans.nl');
    assert.equal((await answer(site, routeLink, 'ja')).statusCode, 303);

    const intro = await site.db.selectFrom('introductions').selectAll().executeTakeFirstOrThrow();
    assert.equal(intro.state, 'introduced');
    for (const to of ['jan@jansenbouw.nl', 'anna@avans.nl']) {
      const mail = await lastMailTo(site.db, to);
      assert.equal(mail?.subject, 'Kennismaking: Bouwbedrijf Jansen en Ad Technische Bedrijfskunde');
      assert.match(mail?.body_text ?? '', /Contactpersoon: Jan Jansen <jan@jansenbouw\.nl>/);
      assert.match(mail?.body_text ?? '', /Contactpersoon: Anna Ad <anna@avans\.nl>/);
    }
    // The route's timeline shows it.
    const anna = await signIn(site.app, site.db, 'anna@avans.nl');
    assert.match((await anna.get(`/aanmeldingen/${route.id}`)).body, /Voorgesteld aan Bouwbedrijf Jansen/);
    // The outcome: the organisation becomes the route's partner.
    await team.get(`/beheer/netwerk/${orgId}`);
    const done = await team.post(`/beheer/netwerk/introducties/${intro.id}/uitkomst`, { [`uitkomst-${intro.id}`]: 'partner' });
    assert.equal(done.statusCode, 303);
    const link = await site.db
      .selectFrom('organisation_links')
      .select(['role', 'source', 'confirmed'])
      .where('registration_id', '=', route.id)
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(link, { role: 'partner', source: 'introductie', confirmed: 1 });
  });

  test('"nee" is remembered for the pair; "nu niet" may come again; the route\'s "nee" ends it; answering after the other side declined says so', async (t) => {
    const { site, team, route, orgId } = await setup(t);
    await proposeIntroduction(site.db, site.config, team, orgId, route.id, '');
    await answer(site, await linkFrom(site, 'jan@jansenbouw.nl'), 'later');
    assert.equal((await site.db.selectFrom('introductions').select('state').executeTakeFirstOrThrow()).state, 'later');
    // "Nu niet" is no decline: it may be proposed again.
    await proposeIntroduction(site.db, site.config, team, orgId, route.id, '');
    const second = await linkFrom(site, 'jan@jansenbouw.nl');
    await answer(site, second, 'ja');
    const routeLink = await linkFrom(site, 'anna@avans.nl');
    await answer(site, routeLink, 'nee');
    const late = await answer(site, second, 'ja');
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /De kennismaking gaat niet door: de andere kant heeft nee gezegd/);
    await assert.rejects(proposeIntroduction(site.db, site.config, team, orgId, route.id, ''), (e: { text?: string }) =>
      /eerder nee gezegd/.test(e.text ?? ''),
    );
    const client = await signIn(site.app, site.db, 'tessa@programma.nl');
    assert.doesNotMatch(
      (await client.get(`/beheer/netwerk/routes/${route.id}`)).body,
      /Bouwbedrijf Jansen/,
      'a declined pair is never suggested again',
    );
  });

  test('one reminder to whoever has not answered after the set days, then the team is asked for the outcome; each once', async (t) => {
    const { site, team, route, orgId } = await setup(t);
    const t0 = new Date('2027-01-04T09:00:00Z');
    const id = await proposeIntroduction(site.db, site.config, team, orgId, route.id, '', t0);
    const day = (d: number) => new Date(t0.getTime() + d * 86_400_000);
    assert.equal(await runIntroductionJobs(site.db, site.config, day(6)), 0, 'too early');
    assert.equal(await runIntroductionJobs(site.db, site.config, day(7)), 1);
    assert.match((await lastMailTo(site.db, 'jan@jansenbouw.nl'))?.subject ?? '', /^Herinnering: Kennismaken met de route/);
    assert.equal(await runIntroductionJobs(site.db, site.config, day(8)), 0, 'once');
    const intro = await site.db.selectFrom('introductions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const c = new Client(site.app);
    const link = answerLink(site.config, intro, 'org');
    const path = link.replace(site.config.baseUrl, '');
    assert.equal((await c.get(path)).statusCode, 200);
    await c.get('/netwerk/aanmelden');
    const params = new URL(link).searchParams;
    await c.post(`/netwerk/introductie/${id}`, { kant: 'org', sleutel: params.get('sleutel') ?? '', antwoord: 'ja' });
    const r = new URL(answerLink(site.config, intro, 'route')).searchParams;
    await c.post(`/netwerk/introductie/${id}`, { kant: 'route', sleutel: r.get('sleutel') ?? '', antwoord: 'ja' });
    const introducedAt = Date.parse(
      (await site.db.selectFrom('introductions').select('introduced_at').where('id', '=', id).executeTakeFirstOrThrow()).introduced_at ??
        '',
    );
    const later = (d: number) => new Date(introducedAt + d * 86_400_000);
    assert.equal(await runIntroductionJobs(site.db, site.config, later(55)), 0);
    assert.equal(await runIntroductionJobs(site.db, site.config, later(56)), 1);
    assert.match((await lastMailTo(site.db, 'tessa@programma.nl'))?.subject ?? '', /^Wat kwam er uit de kennismaking Bouwbedrijf Jansen/);
    assert.equal(await runIntroductionJobs(site.db, site.config, later(60)), 0);
  });
});
