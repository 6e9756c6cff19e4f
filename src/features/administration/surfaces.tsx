import type { FeatureSurfaces } from '../../platform/surfaces.tsx';

export const administrationSurfaces: FeatureSurfaces = {
  mijn: [
    {
      key: 'my-data',
      order: 95,
      render: async () => (
        <section aria-labelledby="mijn-gegevens">
          <h2 class="utrecht-heading-2" id="mijn-gegevens">
            Uw gegevens
          </h2>
          <p class="utrecht-paragraph">
            <a href="/mijn/gegevens">Bekijk en download alles wat het platform over u bewaart</a>.
          </p>
        </section>
      ),
    },
  ],
  beheer: [
    {
      key: 'privacy',
      order: 92,
      href: '/beheer/privacy',
      label: 'Privacy (AVG)',
      description: 'Inzage-, verwijder- en overdrachtsverzoeken, de bewaartermijnen en wat eraan komt, en de verwijderlog.',
      adminOnly: true,
    },
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
