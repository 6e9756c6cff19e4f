import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { addOrganisation, answerIntroduction, introductionKey, proposeIntroduction } from '../features/network/index.ts';
import type { CurrentUser } from '../ui/context.ts';

const DAY = 86_400_000;

/**
 * The demo network, made through the network's own services: companies and an association that
 * consented to the directory, one that did not, and two introductions — one where both said yes
 * (and were introduced), one waiting for the company's answer.
 */
export async function loadDemoNetwork(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>,
  team: CurrentUser,
  domain: string,
  routes: { id: string; sector: string | null; province: string | null }[],
) {
  const orgs = [
    {
      name: 'Bouwbedrijf Voorbeeld (demo)',
      kind: 'mkb',
      kvk: '90000001',
      sectors: 'F',
      province: 'Gelderland',
      place: 'Arnhem',
      size: '10-49',
      offers: ['leerwerkplekken', 'praktijkbegeleiders'],
      contact: 'bouw',
    },
    {
      name: 'Zorggroep Voorbeeld (demo)',
      kind: 'mkb',
      kvk: '90000002',
      sectors: 'Q',
      province: 'Groningen',
      place: 'Groningen',
      size: '50-249',
      offers: ['leerwerkplekken', 'gastlessen', 'werving'],
      contact: 'zorg',
    },
    {
      name: 'Installatietechniek Voorbeeld (demo)',
      kind: 'mkb',
      kvk: '90000003',
      sectors: 'C',
      province: 'Noord-Brabant',
      place: 'Tilburg',
      size: '1-9',
      offers: ['leerwerkplekken', 'curriculum'],
      contact: 'installatie',
    },
    {
      name: 'Branchevereniging Voorbeeld (demo)',
      kind: 'branche',
      kvk: '',
      sectors: 'F',
      province: 'Utrecht',
      place: 'Utrecht',
      size: '',
      offers: ['curriculum', 'werving'],
      contact: 'branche',
    },
    {
      name: 'Logistiek Voorbeeld (demo)',
      kind: 'mkb',
      kvk: '90000005',
      sectors: 'H',
      province: 'Zuid-Holland',
      place: 'Rotterdam',
      size: '10-49',
      offers: ['leerwerkplekken'],
      contact: 'logistiek',
      consent: false,
    },
  ];
  const ids: string[] = [];
  for (const o of orgs) {
    const made = await addOrganisation(db, team, {
      name: o.name,
      kind: o.kind,
      kvk: o.kvk,
      sectors: o.sectors,
      province: o.province,
      place: o.place,
      size: o.size,
      website: `https://${o.contact}.voorbeeld.nl`,
      offers: o.offers,
      description: 'Een verzonnen organisatie voor de demo.',
      contact_name: `${o.contact[0]?.toUpperCase()}${o.contact.slice(1)} Contact (demo)`,
      contact_email: `${o.contact}@${domain}`,
      consent: o.consent === false ? '' : 'ja',
    });
    if (made.ok) ids.push(made.id);
  }
  // Introductions: the first route whose sector or province fits the first company.
  const first = ids[0];
  const route = routes.find((r) => r.sector === 'F' || r.province === 'Gelderland') ?? routes[0];
  if (!first || !route) return;
  const done = await proposeIntroduction(
    db,
    config,
    team,
    first,
    route.id,
    'Zij zoeken praktijkbegeleiders (demo).',
    new Date(Date.now() - 20 * DAY),
  );
  await answerIntroduction(db, config, done, 'org', await introductionKey(db, config, done, 'org'), 'ja', new Date(Date.now() - 18 * DAY));
  await answerIntroduction(
    db,
    config,
    done,
    'route',
    await introductionKey(db, config, done, 'route'),
    'ja',
    new Date(Date.now() - 15 * DAY),
  );
  const second = ids[1];
  const other = routes.find((r) => r.id !== route.id);
  if (second && other) await proposeIntroduction(db, config, team, second, other.id, '', new Date(Date.now() - 2 * DAY));
}
