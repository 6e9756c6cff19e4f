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
    {
      key: 'wording',
      order: 85,
      href: '/beheer/teksten',
      label: 'Criteria en thema’s',
      description: 'De tekst van de vijf criteria en de namen van de thema’s.',
      adminOnly: true,
    },
  ],
};
