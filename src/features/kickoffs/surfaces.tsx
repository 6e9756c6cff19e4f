import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { myRegistrations } from '../registrations/index.ts';
import { NOTICE_SETTING, UNBOOKED_REMINDER_SETTING } from './rules.ts';
import { kickoffCards } from './service.ts';
import { teamOverview } from './slots.ts';
import { KickoffCards } from './views/card.tsx';

export const kickoffSurfaces: FeatureSurfaces = {
  settings: { title: 'Startgesprekken', items: [NOTICE_SETTING, UNBOOKED_REMINDER_SETTING] },
  mijn: [
    {
      key: 'kickoffs',
      order: 10,
      render: async ({ db, user, once }) => {
        if (user.role !== 'applicant' || !user.institutionBrin) return null;
        const cards = (await kickoffCards(db, await once(myRegistrations))).filter((k) => k.state !== 'held');
        return cards.length > 0 ? <KickoffCards cards={cards} /> : null;
      },
    },
  ],
  beheer: [
    {
      key: 'kickoffs',
      order: 20,
      href: '/beheer/startgesprekken',
      label: 'Startgesprekken',
      description: 'Tijden publiceren, geplande gesprekken en verslagen.',
      count: async (db) => {
        const n = (await teamOverview(db)).unplanned.length;
        return n > 0 ? `${n} niet ingepland na een herinnering` : null;
      },
    },
  ],
};
