import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { referenceOptions } from '../reference/index.ts';
import { canAskForLink, linkStatusOf, openLinkRequestCount } from './links.ts';
import { expertiseOf } from './repo.ts';
import { AccountSummary } from './views/account.tsx';
import { LinkCard } from './views/links.tsx';
import { ExpertiseCard } from './views/people.tsx';

export const accountSurfaces: FeatureSurfaces = {
  mijn: [
    {
      key: 'link',
      order: 15,
      render: async ({ db, user }) => (canAskForLink(user) ? <LinkCard status={await linkStatusOf(db, user.id)} /> : null),
    },
    {
      key: 'expertise',
      order: 80,
      render: async ({ db, ctx, user, query }) =>
        user.role === 'team' || user.role === 'admin' ? (
          <ExpertiseCard
            ctx={ctx}
            themes={(await referenceOptions(db)).themes}
            chosen={await expertiseOf(db, user.id)}
            saved={query.expertise === 'opgeslagen'}
          />
        ) : null,
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
