import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { addNote, assignAdvisor, closeRequests, createRequest, postMessage } from '../features/support/index.ts';
import type { CurrentUser } from '../ui/context.ts';

const DAY = 86_400_000;

/**
 * The demo's support desk, made through the support feature's own services: a request waiting for
 * an advisor, one in conversation (with an internal note), and one closed with its outcome.
 */
export async function loadDemoSupport(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'replyDomain' | 'sessionSecret'>,
  advisor: CurrentUser,
  asks: { user: CurrentUser; registrationId: string }[],
) {
  const [first, second, third] = asks;
  const at = (days: number) => new Date(Date.now() - days * DAY);
  const ask = async (
    a: { user: CurrentUser; registrationId: string } | undefined,
    theme: string,
    subject: string,
    question: string,
    days: number,
  ) => {
    if (!a) return null;
    const r = await createRequest(
      db,
      config,
      a.user,
      { registrationId: a.registrationId, theme, subject, question, condition: null },
      null,
      at(days),
    );
    return r.ok ? r.id : null;
  };
  await ask(
    first,
    'recruitment',
    'Werving onder havisten (demo)',
    'Hoe bereiken we havisten die liever werken dan voltijd studeren? (demo)',
    0.2,
  );
  const talking = await ask(
    second,
    'supervision',
    'Praktijkbegeleiders opleiden (demo)',
    'Is er een training voor nieuwe praktijkbegeleiders bij kleine bedrijven? (demo)',
    3,
  );
  if (talking && second) {
    await assignAdvisor(db, config, advisor, talking, advisor.id, at(2.5));
    await postMessage(
      db,
      config,
      { userId: advisor.id, name: advisor.name ?? advisor.email, email: advisor.email, team: true },
      talking,
      'Ja: in april is er een leernetwerk over precies dit. Zal ik u aanmelden? (demo)',
      null,
      { via: 'web' },
      at(2),
    );
    await addNote(
      db,
      advisor,
      talking,
      'Eerder contact met deze hogeschool via het leernetwerk; de opleidingsmanager is nieuw. (demo)',
      at(2),
    );
    await postMessage(
      db,
      config,
      { userId: second.user.id, name: second.user.name ?? second.user.email, email: second.user.email, team: false },
      talking,
      'Graag, voor twee collega’s. (demo)',
      null,
      { via: 'web' },
      at(1),
    );
  }
  const done = await ask(
    third ?? first,
    'funding',
    'Subsidie voor de werkplek (demo)',
    'Welke regelingen zijn er voor het mkb-bedrijf? (demo)',
    12,
  );
  if (done) {
    await assignAdvisor(db, config, advisor, done, advisor.id, at(11));
    await postMessage(
      db,
      config,
      { userId: advisor.id, name: advisor.name ?? advisor.email, email: advisor.email, team: true },
      done,
      'Kijk naar de scholingsregeling van de branche; ik stuur het overzicht. (demo)',
      null,
      { via: 'web' },
      at(10),
    );
    await closeRequests(
      db,
      config,
      advisor,
      [done],
      'advice',
      'Overzicht van de regelingen gestuurd; de hogeschool gaat ermee aan de slag. (demo)',
      at(9),
    );
  }
}
