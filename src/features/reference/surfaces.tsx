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
      label: 'Criteria, thema’s en sectoren',
      description: 'De tekst van de vijf criteria (met hun eerdere versies), de namen van de thema’s en van de sectoren.',
      adminOnly: true,
    },
  ],
};
