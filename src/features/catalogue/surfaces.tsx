import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { catalogueHome } from './home.tsx';
import { routesOfUser } from './service.ts';
import { OwnRoutesCard } from './views/manage.tsx';

export const catalogueSurfaces: FeatureSurfaces = {
  home: catalogueHome,
  mijn: [
    {
      key: 'routes',
      order: 30,
      render: async ({ db, user }) => {
        const routes = await routesOfUser(db, user);
        return routes.length > 0 ? <OwnRoutesCard routes={routes} /> : null;
      },
    },
  ],
  beheer: [
    {
      key: 'routes',
      order: 30,
      href: '/beheer/routes',
      label: 'Routes in het overzicht',
      description: 'Zichtbaarheid van toegelaten routes.',
    },
    { key: 'stories', order: 40, href: '/beheer/verhalen', label: 'Succesverhalen', description: 'Een verhaal bij een route publiceren.' },
    { key: 'toolkit', order: 50, href: '/beheer/toolkit', label: 'Communicatie\u00admiddelen', description: 'Bestanden voor de toolkit.' },
  ],
};
