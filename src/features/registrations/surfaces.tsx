import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { canStartRegistration } from './rules.ts';
import { registrationsOfUser } from './service.ts';
import { RegistrationsCard } from './views/card.tsx';

export const registrationSurfaces: FeatureSurfaces = {
  mijn: [
    {
      key: 'registrations',
      order: 20,
      render: async ({ db, user }) =>
        user.role === 'applicant' && user.institutionBrin ? (
          <RegistrationsCard user={user} registrations={await registrationsOfUser(db, user)} canStart={canStartRegistration(user)} />
        ) : null,
    },
  ],
};
