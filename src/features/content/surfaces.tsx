import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { pageList } from './service.ts';
import { PagesSection, SavedNotice } from './views/backoffice.tsx';

export const contentSurfaces: FeatureSurfaces = {
  beheerSections: [
    {
      key: 'page-saved',
      order: -10,
      render: async ({ db, query }) => (query.opgeslagen ? <SavedNotice pages={await pageList(db)} saved={query.opgeslagen} /> : null),
    },
    { key: 'pages', order: 10, render: async ({ db }) => <PagesSection pages={await pageList(db)} /> },
  ],
};
