import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { AccountSummary } from './views/account.tsx';

export const accountSurfaces: FeatureSurfaces = {
  mijn: [{ key: 'account', order: 90, render: async ({ ctx, user }) => <AccountSummary ctx={ctx} user={user} /> }],
};
