import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { countsByState } from './repo.ts';
import { REVIEW_REMINDER_SETTING } from './service.ts';

const waiting = (n: number) => (n === 1 ? '1 aanmelding wacht op toewijzing' : `${n} aanmeldingen wachten op toewijzing`);

export const assessmentSurfaces: FeatureSurfaces = {
  settings: { title: 'Beoordelen', items: [REVIEW_REMINDER_SETTING] },
  beheer: [
    {
      key: 'assessments',
      order: 10,
      href: '/beheer/aanmeldingen',
      label: 'Aanmeldingen beoordelen',
      description: 'Wachtrij, toewijzen, beoordelen en besluiten.',
      count: async (db) => {
        const submitted = Number((await countsByState(db)).find((c) => c.state === 'submitted')?.n ?? 0);
        return submitted > 0 ? waiting(submitted) : null;
      },
    },
    {
      key: 'templates',
      order: 60,
      href: '/beheer/sjablonen',
      label: 'E-mailsjablonen',
      description: 'De teksten van de besluitmails.',
    },
    {
      key: 'affiliations',
      order: 70,
      href: '/beheer/belangen',
      label: 'Mijn belangen',
      description: 'Voor het melden van mogelijke belangenverstrengeling.',
    },
  ],
};
