import type { FeatureSurfaces } from '../../platform/surfaces.tsx';

export const monitoringSurfaces: FeatureSurfaces = {
  beheer: [
    {
      key: 'dashboard',
      order: 5,
      href: '/beheer/dashboard',
      label: 'Dashboard',
      description:
        'Aanmeldingen per status en per maand, doorlooptijd tot besluit, startgesprekken op tijd, routes per sector, aanwezigheid bij bijeenkomsten.',
    },
  ],
};
