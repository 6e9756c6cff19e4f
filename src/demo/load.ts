import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { askToBeLinked, ensureCurrentUser } from '../features/accounts/index.ts';
import { assign, decide, saveAssessment, type Verdicts } from '../features/assessments/index.ts';
import { addAsset, addStory, prepareImage, routesForTeam } from '../features/catalogue/index.ts';
import { book, kickoffIdOf, publishSlots, recordOutcome, slotIdAt } from '../features/kickoffs/index.ts';
import {
  admittedRegistrations,
  admittedRouteFacts,
  choices,
  rawValues,
  STEPS,
  saveStep,
  startRegistration,
  submitRegistration,
  validateStep,
  withdrawRegistration,
} from '../features/registrations/index.ts';
import { getSetting, setSetting } from '../platform/settings/repo.ts';
import type { CurrentUser } from '../ui/context.ts';
import { loadDemoEvents } from './events.ts';
import { loadDemoKnowledge } from './knowledge.ts';
import { loadDemoMonitor } from './monitor.ts';
import { loadDemoNetwork } from './network.ts';
import { DEMO_ROUTES, type DemoRoute, demoAnswers } from './routes.ts';
import { loadDemoSupport } from './support.ts';

/** Every demo address is in this domain; the removal command finds demo data by it. */
export const DEMO_DOMAIN = 'demo.mkbroute.nl';

/** Demo people; the `demo.` domain and the banner on every page say they are not real. */
export const DEMO_USERS = [
  { email: `beheerder@${DEMO_DOMAIN}`, role: 'admin', name: 'Demo Beheerder' },
  { email: `team@${DEMO_DOMAIN}`, role: 'team', name: 'Demo Teamlid' },
  { email: `aanvrager@${DEMO_DOMAIN}`, role: 'applicant', name: 'Demo Aanvrager', institutionBrin: '07GR' },
] as const;

const DAY = 86_400_000;
type Site = { db: Db; config: Pick<Config, 'baseUrl' | 'sessionSecret' | 'mailFrom' | 'replyDomain'> };

const person = (db: Db, email: string, role: 'admin' | 'team' | 'applicant', name: string, brin?: string) =>
  ensureCurrentUser(db, { email, role, name, institutionBrin: brin ?? null });

const ALL_MEET: Verdicts = {
  C1: { verdict: 'meets', explanation: '' },
  C2: { verdict: 'meets', explanation: '' },
  C3: { verdict: 'partly', explanation: 'Het model van de overeenkomst ontbreekt nog.' },
  C4: { verdict: 'meets', explanation: '' },
  C5: { verdict: 'meets', explanation: '' },
};

/** One demo route taken through the lifecycle to its state, at moments in the past. */
async function makeRoute(site: Site, route: DemoRoute, i: number, applicant: CurrentUser, team: CurrentUser[]): Promise<void> {
  const { db, config } = site;
  const start = Date.now() - route.age * DAY;
  const at = (days: number) => new Date(start + days * DAY);
  const id = await startRegistration(db, applicant, at(0));
  const options = await choices(db);
  const answers = demoAnswers(route, i, { name: applicant.name ?? 'Demo', email: applicant.email });
  // A draft is still being filled in: its last steps are empty.
  const steps = route.state === 'draft' ? STEPS.slice(0, STEPS.length - 3) : STEPS;
  for (const step of steps) {
    const result = validateStep(step, rawValues(step, answers[step.slug] ?? {}), options);
    if (!result.ok) throw new Error(`demo answers for ${step.slug} do not validate: ${JSON.stringify(result.errors)}`);
    await saveStep(db, applicant, id, step.slug, result.values, true, null, at(0.1));
  }
  if (route.state === 'draft') return;
  await submitRegistration(db, config, applicant, id, at(1));
  if (route.state === 'submitted') return;
  if (route.state === 'withdrawn') {
    await withdrawRegistration(db, config, applicant, id, 'We starten een jaar later (demo).', at(3));
    return;
  }
  const assessor = team[i % team.length] as CurrentUser;
  await assign(db, config, assessor, id, [assessor.id], at(2));
  if (route.state === 'in_review') return;
  await saveAssessment(
    db,
    assessor,
    id,
    { verdicts: ALL_MEET, recommendation: route.state === 'declined' ? 'decline' : 'accept', proposedParticipation: 'pilot', summary: '' },
    true,
    at(5),
  );
  const form = { participation: 'pilot', conditions: '', reopen: [] as string[], message: '', deadline: '' };
  if (route.state === 'info_requested') {
    const deadline = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
    await decide(
      db,
      config,
      assessor,
      id,
      { ...form, kind: 'request_info', reopen: ['overeenkomst'], message: 'Wilt u het model van de overeenkomst toevoegen?', deadline },
      at(7),
    );
    return;
  }
  if (route.state === 'declined') {
    await decide(
      db,
      config,
      assessor,
      id,
      { ...form, kind: 'decline', message: 'De route is geen werkend leren in het mkb (demo).' },
      at(7),
    );
    return;
  }
  await decide(
    db,
    config,
    assessor,
    id,
    { ...form, kind: 'accept', conditions: i % 2 ? 'Jaarlijks de monitor invullen' : '', message: 'Welkom in het programma!' },
    at(7),
  );
  if (route.state !== 'participant') return;
  // The kick-off: a time published and booked some days after acceptance, held, outcome "continue".
  const slotStart = at(14);
  await publishSlots(
    db,
    config,
    assessor,
    [
      {
        hostId: assessor.id,
        startsAt: slotStart.toISOString(),
        endsAt: new Date(slotStart.getTime() + 3_600_000).toISOString(),
        mode: 'online',
        link: 'https://meet.example/demo',
        address: null,
      },
    ],
    at(8),
  );
  const kickoff = await kickoffIdOf(db, id);
  const slot = await slotIdAt(db, assessor.id, slotStart.toISOString());
  if (!kickoff || !slot) throw new Error(`demo kick-off for ${route.title} was not made`);
  await book(db, config, { user: applicant, key: undefined }, kickoff, slot, at(9));
  await recordOutcome(
    db,
    config,
    assessor,
    kickoff,
    { notes: 'Goed gesprek; afspraken over de monitor gemaakt (demo).', outcome: 'continue' },
    at(15),
  );
}

/** A placeholder photo: a coloured field with the word "Voorbeeldfoto", made with sharp. */
async function placeholderPhoto(colour: string, caption: string): Promise<Buffer | null> {
  const { default: sharp } = await import('sharp');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="${colour}"/><text x="600" y="420" font-family="sans-serif" font-size="64" fill="#ffffff" text-anchor="middle">${caption}</text></svg>`;
  return prepareImage(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** A one-page factsheet PDF for the toolkit, made with PDFKit. */
async function factsheet(): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 56, lang: 'nl-NL', info: { Title: 'Factsheet Mkb-route in het hbo (demo)' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(20).text('Mkb-route in het hbo (demo)');
  doc
    .moveDown()
    .fontSize(12)
    .text(
      'Werkend leren in het hoger beroepsonderwijs: studenten werken betaald bij een mkb-bedrijf en studeren voor een Associate degree of bachelor. Dit is een voorbeeldbestand van de demo-omgeving.',
    );
  doc.end();
  return done;
}

/**
 * Loads the demo once per database, through the platform's own services (never rows written
 * directly): demo people, forty fictitious routes in every state, decisions, kick-offs, two stories
 * with photos, toolkit files and open kick-off times. Returns whether it loaded now.
 */
export async function loadDemoContent(db: Db, config: Site['config']): Promise<boolean> {
  if (await getSetting(db, 'demo_content_loaded_at')) return false;
  const site = { db, config };
  const admin = await person(db, DEMO_USERS[0].email, 'admin', DEMO_USERS[0].name);
  const team = [
    admin,
    await person(db, DEMO_USERS[1].email, 'team', DEMO_USERS[1].name),
    await person(db, `beoordelaar@${DEMO_DOMAIN}`, 'team', 'Demo Beoordelaar'),
  ];
  const applicants = new Map<string, CurrentUser>();
  applicants.set('07GR', await person(db, DEMO_USERS[2].email, 'applicant', DEMO_USERS[2].name, '07GR'));
  for (const [i, route] of DEMO_ROUTES.entries()) {
    let applicant = applicants.get(route.brin);
    if (!applicant) {
      applicant = await person(
        db,
        `aanvrager-${route.brin.toLowerCase()}@${DEMO_DOMAIN}`,
        'applicant',
        `Demo Aanvrager ${route.brin}`,
        route.brin,
      );
      applicants.set(route.brin, applicant);
    }
    await makeRoute(site, route, i, applicant, team.slice(1));
  }

  // Someone whose address belongs to no hogeschool, waiting for the team to link them to one.
  const guest = await person(db, `gastdocent@${DEMO_DOMAIN}`, 'applicant', 'Demo Gastdocent');
  await askToBeLinked(db, {
    userId: guest.id,
    institutionBrin: '25KB',
    reason: 'Gastdocent bij de Ad Ondernemen van de HAN, in dienst van een detacheerder (demo).',
  });

  const published = (await routesForTeam(db)).filter((r) => r.published).slice(0, 2);
  const stories = [
    {
      colour: '#0b4f6c',
      person: 'Sanne (demo)',
      role: 'Student Ad Technische Bedrijfskunde',
      organisation: 'Van Dam Techniek (demo)',
      quote: 'Ik leer elke dag iets dat ik de volgende dag al gebruik.',
    },
    {
      colour: '#7a3e00',
      person: 'Mehmet (demo)',
      role: 'Praktijkopleider',
      organisation: 'Bakker Zorggroep (demo)',
      quote: 'Onze student brengt de nieuwste kennis mee de werkvloer op.',
    },
  ];
  for (const [i, s] of stories.entries()) {
    const route = published[i];
    if (!route) break;
    await addStory(
      db,
      admin,
      {
        routeId: route.id,
        title: `${s.person.replace(' (demo)', '')} over werkend leren (demo)`,
        quote: s.quote,
        person: s.person,
        role: s.role,
        organisation: s.organisation,
        consentDate: new Date().toISOString().slice(0, 10),
        consentNote: 'Fictief voorbeeld voor de demo-omgeving.',
        theme: 'supervision',
        body: 'Dit verhaal is verzonnen om te laten zien hoe een succesverhaal op het platform staat.\n\nDe student werkt vier dagen per week en leert één dag op de hogeschool.',
        imageAlt: `Voorbeeldfoto bij het verhaal van ${s.person.replace(' (demo)', '')}: een gekleurd vlak met de tekst Voorbeeldfoto`,
      },
      await placeholderPhoto(s.colour, 'Voorbeeldfoto (demo)'),
    );
  }
  await addAsset(
    db,
    admin,
    { title: 'Factsheet (demo)', description: 'Eén pagina over de Mkb-route, om uit te delen.', filename: 'factsheet-demo.pdf' },
    await factsheet(),
  );

  // Open kick-off times in the coming weeks, for the accepted routes to book.
  const host = team[1] as CurrentUser;
  const times = [3, 5, 8, 10, 12].map((d) => {
    const day = new Date(Date.now() + d * DAY);
    day.setUTCHours(9 + (d % 4), 0, 0, 0);
    return {
      hostId: host.id,
      startsAt: day.toISOString(),
      endsAt: new Date(day.getTime() + 3_600_000).toISOString(),
      mode: 'online' as const,
      link: 'https://meet.example/demo',
      address: null,
    };
  });
  await publishSlots(db, config, host, times);
  await loadDemoEvents(db, config, host, [DEMO_USERS[2].email]);
  await loadDemoKnowledge(db, host);
  await loadDemoMonitor(db, config, host, [...applicants.values()]);
  // Support: the demo applicant's own admitted route first, so signing in as the demo applicant shows it.
  const admitted = await admittedRegistrations(db);
  const asks = [...applicants.values()].flatMap((u) => {
    const reg = admitted.find((r) => r.institutionBrin === u.institutionBrin);
    return reg ? [{ user: u, registrationId: reg.id }] : [];
  });
  await loadDemoSupport(db, config, host, asks);
  await loadDemoNetwork(
    db,
    config,
    host,
    DEMO_DOMAIN,
    (await admittedRouteFacts(db)).map((r) => ({ id: r.id, sector: r.sector, province: r.province })),
  );
  await setSetting(db, 'demo_content_loaded_at', new Date().toISOString());
  return true;
}
