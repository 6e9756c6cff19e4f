import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/connect.ts';
import { ensureUser } from '../src/features/accounts/index.ts';
import { type Client, signIn } from './helpers.ts';

/** A complete, valid answer for every step, as a browser would post it. */
export const VALID = {
  organisatie: {
    faculty: 'Academie voor Techniek',
    contact_name: 'Anna Ad',
    contact_role: 'Opleidingsmanager',
    contact_email: 'anna@avans.nl',
    contact_phone: '076 523 50 00',
    contact2_name: 'Bram Bos',
    contact2_email: 'bram@avans.nl',
    postal_street: 'Onderwijsboulevard 215',
    postal_postcode: '5223 de',
    postal_city: "'s-Hertogenbosch",
  },
  opleiding: {
    institution: '07GR',
    programme_name: 'Ad Technische Bedrijfskunde',
    croho: '80072',
    level: 'AD',
    mode: 'duaal',
    locations: 'Breda, Tilburg',
    sector: 'C',
    province: 'Noord-Brabant',
  },
  route: {
    route_kind: 'new',
    start_date: '2027-09-01',
    students_now: '0',
    students_expected: '24',
    target_groups: 'mbo_bbl',
    description: 'Twee jaar leren en werken in de maakindustrie.',
  },
  'werkend-leren': { work_days: '4', study_days: '1', connection: 'Opdrachten komen uit het werk.' },
  'mkb-werkplek': { sme_count: '6', sme_confirm: 'ja', companies_1_name: 'Metaal & Co', companies_1_kvk: '12345678' },
  overeenkomst: { agreement: 'yes', agreement_type: 'Praktijkovereenkomst', agreement_notes: '' },
  salaris: { salary: 'yes', salary_basis: 'Cao Metaal en Techniek' },
  'samen-vormgeven': { associations_1_name: 'Koninklijke Metaalunie', associations_1_role: 'Adviseert', co_design: 'Werkveldcommissie.' },
  deelname: { participation: 'pilot', support_needs: 'Werving', themes: 'supervision' },
  publicatie: { publish: 'description' },
} satisfies Record<string, Record<string, string>>;

export async function applicant(app: FastifyInstance, db: Db, email: string, brin = '07GR'): Promise<Client> {
  await ensureUser(db, { email, role: 'applicant', institutionBrin: brin, name: email.split('@')[0] });
  return signIn(app, db, email);
}

/** Starts a registration and returns its id. */
export async function startDraft(client: Client): Promise<string> {
  await client.get('/aanmelden');
  const res = await client.post('/aanmelden', {});
  const id = /^\/aanmelden\/([0-9a-f-]{36})\/organisatie$/.exec(String(res.headers.location))?.[1];
  if (!id) throw new Error(`no draft made: ${res.statusCode} ${res.headers.location}`);
  return id;
}

export async function saveStep(client: Client, id: string, slug: string, form: Record<string, string | null>, action = 'volgende') {
  await client.get(`/aanmelden/${id}/${slug}`);
  return client.post(`/aanmelden/${id}/${slug}`, { ...form, actie: action });
}

/** Fills every step with VALID answers. */
export async function fillAll(client: Client, id: string): Promise<void> {
  for (const [slug, form] of Object.entries(VALID)) {
    const res = await saveStep(client, id, slug, form);
    if (res.statusCode !== 303) throw new Error(`step ${slug} answered ${res.statusCode}`);
  }
}

export async function submit(client: Client, id: string) {
  await client.get(`/aanmelden/${id}/overzicht`);
  return client.post(`/aanmelden/${id}/indienen`, { declaration: 'ja' });
}
