import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { canAskForLink, linkStatusOf, openLinkRequestCount } from './links.ts';
import { AccountSummary } from './views/account.tsx';
import { LinkCard } from './views/links.tsx';

export const accountSurfaces: FeatureSurfaces = {
  mijn: [
    {
      key: 'link',
      order: 15,
      render: async ({ db, user }) => (canAskForLink(user) ? <LinkCard status={await linkStatusOf(db, user.id)} /> : null),
    },
    { key: 'account', order: 90, render: async ({ ctx, user }) => <AccountSummary ctx={ctx} user={user} /> },
  ],
  beheer: [
    {
      key: 'people',
      order: 89,
      href: '/beheer/gebruikers',
      label: 'Gebruikers',
      description: 'Iedereen met een account: zoeken, teamleden en beheerders uitnodigen, rollen wijzigen, accounts uit- en aanzetten.',
      adminOnly: true,
    },
    {
      key: 'link-requests',
      order: 85,
      href: '/beheer/koppelverzoeken',
      label: 'Koppelverzoeken',
      description: 'Mensen zonder e-mailadres van een hogeschool die aan een hogeschool gekoppeld willen worden.',
      count: async (db) => {
        const n = await openLinkRequestCount(db);
        return n === 0 ? null : `${n} ${n === 1 ? 'wacht' : 'wachten'} op een besluit`;
      },
    },
  ],
};
