import type { FeatureSurfaces } from '../../platform/surfaces.tsx';

export const referenceSurfaces: FeatureSurfaces = {
  beheer: [
    {
      key: 'mail-domains',
      order: 80,
      href: '/beheer/maildomeinen',
      label: 'Maildomeinen van hogescholen',
      description: 'Welke e-mail- en SURFconext-domeinen bij welke hogeschool horen.',
      adminOnly: true,
    },
  ],
};
