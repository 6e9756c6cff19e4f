import type { FeatureSurfaces } from '../../platform/surfaces.tsx';

export const administrationSurfaces: FeatureSurfaces = {
  beheer: [
    {
      key: 'settings',
      order: 90,
      href: '/beheer/instellingen',
      label: 'Instellingen',
      description: 'Herinneringen, termijnen en andere instellingen van het platform, met hun standaard.',
      adminOnly: true,
    },
    {
      key: 'institutions',
      order: 88,
      href: '/beheer/hogescholen',
      label: 'Hogescholen',
      description: 'De lijst van hogescholen bijwerken met het open-databestand van DUO: eerst vergelijken, dan toepassen.',
      adminOnly: true,
    },
    {
      key: 'audit',
      order: 91,
      href: '/beheer/audit',
      label: 'Logboek',
      description: 'Wie wat deed en wanneer, te filteren op persoon, handeling, object en periode, en als CSV.',
      adminOnly: true,
    },
  ],
};
