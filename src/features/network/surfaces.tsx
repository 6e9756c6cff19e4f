import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { OUTCOME_SETTING, REMINDER_SETTING } from './introductions.ts';
import { organisationsOpenApi } from './open-api.ts';
import { consentingOrganisations, countNewOrganisations, organisationsOfUser } from './repo.ts';
import { kindLabel, offerLabel } from './rules.ts';
import { OrganisationsCard } from './views/partner.tsx';

export const networkSurfaces: FeatureSurfaces = {
  settings: { title: 'Netwerk', items: [REMINDER_SETTING, OUTCOME_SETTING] },
  mijn: [
    {
      key: 'organisations',
      order: 15,
      render: async ({ db, user }) => {
        const orgs = await organisationsOfUser(db, user.id);
        return orgs.length ? <OrganisationsCard orgs={orgs} /> : null;
      },
    },
  ],
  beheer: [
    {
      key: 'network',
      order: 55,
      href: '/beheer/netwerk',
      label: 'Netwerk',
      description: 'Mkb-bedrijven en brancheorganisaties: nieuwe aanmeldingen, dubbele samenvoegen, suggesties en kennismakingen.',
      count: async (db) => {
        const n = await countNewOrganisations(db);
        return n ? `${n} ${n === 1 ? 'nieuwe aanmelding' : 'nieuwe aanmeldingen'}` : null;
      },
    },
  ],
  publicIndex: [
    {
      key: 'organisations',
      openApi: organisationsOpenApi,
      feed: async (db, baseUrl) =>
        (await consentingOrganisations(db)).map((o) => ({
          id: `${baseUrl}/netwerk/${o.slug}`,
          title: `Netwerk: ${o.name}`,
          updated: o.consent_at ?? o.updated_at,
          summary: `${kindLabel(o.kind)}${o.place ? ` in ${o.place}` : ''}; biedt ${(JSON.parse(o.offers) as string[]).map((x) => offerLabel(x).toLowerCase()).join(', ')}.`,
        })),
      sitemap: async (db) => ['/netwerk', ...(await consentingOrganisations(db)).map((o) => `/netwerk/${o.slug}`)],
    },
  ],
};
