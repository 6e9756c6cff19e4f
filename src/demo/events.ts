import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { createEvent, type EventInput, markAttendance, registerDirect } from '../features/events/index.ts';
import type { CurrentUser } from '../ui/context.ts';

const DAY = 86_400_000;

/** A time `days` from now at `hour`:00 UTC (in the Netherlands one or two hours later). */
function at(days: number, hour: number, from = Date.now()): string {
  const d = new Date(from + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

const base = (over: Partial<EventInput>): EventInput => ({
  title: '',
  description: '',
  themes: [],
  audiences: ['hogeschool', 'mkb', 'branche'],
  mode: 'location',
  link: null,
  address: null,
  startsAt: '',
  endsAt: '',
  deadline: '',
  capacity: null,
  waitlist: true,
  reminderHours: 48,
  reminderText: '',
  organiserId: null,
  questions: [],
  ...over,
});

/**
 * Demo bijeenkomsten, made through the events feature's own services: an online webinar with room,
 * a regional meeting that is full with a waiting list, and a national day that is over, with its
 * attendance recorded.
 */
export async function loadDemoEvents(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret' | 'mailFrom'>,
  team: CurrentUser,
  people: string[],
): Promise<void> {
  // The first demo person is the demo applicant (people[0]): /mijn shows a bijeenkomst.
  const person = (i: number) => ({
    userId: null,
    name: i === 0 ? 'Demo Aanvrager' : `Demo Deelnemer ${i + 1}`,
    email: people[i] ?? `deelnemer${i + 1}@demo.mkbroute.nl`,
    answers: {},
  });
  const webinar = await createEvent(
    db,
    team,
    base({
      title: 'Webinar: goede praktijkbegeleiding in het mkb (demo)',
      description:
        'Een uur over wat een praktijkbegeleider in een klein bedrijf nodig heeft, met twee voorbeelden uit de routes.\n\n## Programma\n\n- Wat werkt: ervaringen van twee routes\n- Vragen uit de chat\n\n*Dit is een voorbeeld in de demo-omgeving.*',
      themes: ['supervision'],
      mode: 'online',
      link: 'https://meet.example/demo-webinar',
      startsAt: at(9, 13),
      endsAt: at(9, 14),
      deadline: at(9, 13),
      capacity: 40,
      reminderText: 'Test vooraf uw microfoon en camera.',
      questions: [{ id: 'q1', label: 'Wat wilt u vooral weten?', kind: 'text', options: [], required: false }],
    }),
  );
  await registerDirect(db, config, webinar, person(0));

  const regional = await createEvent(
    db,
    team,
    base({
      title: 'Regionale bijeenkomst Oost: samenwerken met branches (demo)',
      description:
        'Hogescholen en brancheverenigingen uit Gelderland en Overijssel over werving en begeleiding.\n\n*Dit is een voorbeeld in de demo-omgeving.*',
      themes: ['cooperation', 'recruitment'],
      address: 'Demo-zaal, Stationsplein 1, Arnhem',
      startsAt: at(16, 12),
      endsAt: at(16, 15),
      deadline: at(14, 12),
      capacity: 3,
      questions: [
        { id: 'q1', label: 'U komt namens', kind: 'choice', options: ['Hogeschool', 'Mkb-bedrijf', 'Branchevereniging'], required: true },
      ],
    }),
  );
  for (let i = 1; i <= 5; i++)
    await registerDirect(db, config, regional, { ...person(i), answers: { q1: i % 2 ? 'Hogeschool' : 'Mkb-bedrijf' } });

  // Over: registered a month ago, held two weeks ago, attendance recorded on the day.
  const monthAgo = Date.now() - 30 * DAY;
  const day = await createEvent(
    db,
    team,
    base({
      title: 'Landelijke dag Mkb-route in het hbo (demo)',
      description: 'De jaarlijkse dag van het leernetwerk: routes laten zien wat werkt.\n\n*Dit is een voorbeeld in de demo-omgeving.*',
      themes: ['vision'],
      address: 'Demo-congrescentrum, Utrecht',
      startsAt: at(-14, 9),
      endsAt: at(-14, 15),
      deadline: at(-15, 9),
      capacity: 150,
    }),
    new Date(monthAgo),
  );
  const came = [];
  for (let i = 6; i <= 8; i++) came.push(await registerDirect(db, config, day, person(i), new Date(monthAgo + i * 3_600_000)));
  const held = new Date(Date.parse(at(-14, 10)));
  for (const [i, c] of came.entries())
    await markAttendance(db, config, team, day, { registrationId: c.registrationId }, i < 2 ? 'present' : 'absent', held);
}
