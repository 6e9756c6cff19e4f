import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { canStartRegistration } from './rules.ts';
import { myRegistrations } from './service.ts';
import { RegistrationsCard } from './views/card.tsx';

export const registrationSurfaces: FeatureSurfaces = {
  mijn: [
    {
      key: 'registrations',
      order: 20,
      render: async ({ user, once }) =>
        user.role === 'applicant' && user.institutionBrin ? (
          <RegistrationsCard user={user} registrations={await once(myRegistrations)} canStart={canStartRegistration(user)} />
        ) : null,
    },
  ],
};
