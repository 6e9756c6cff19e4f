import { formatDateTime } from '../../../platform/time.ts';
import type { CurrentUser } from '../../../ui/context.ts';
import type { RegistrationListItem } from '../service.ts';
import { StateBadge } from './parts.tsx';

/** The registrations part of /mijn: the hogeschool's registrations with their history at a glance. */
export function RegistrationsCard({
  user,
  registrations,
  canStart,
}: {
  user: CurrentUser;
  registrations: RegistrationListItem[];
  canStart: boolean;
}) {
  return (
    <section aria-labelledby="aanmeldingen-titel">
      <h2 class="utrecht-heading-2" id="aanmeldingen-titel">
        Aanmeldingen van {user.institutionName ?? 'uw hogeschool'}
      </h2>
      {registrations.length === 0 ? (
        <p class="utrecht-paragraph">Uw hogeschool heeft nog geen aanmeldingen.</p>
      ) : (
        <ul class="mkb-items">
          {registrations.map((r) => (
            <li key={r.id} class="mkb-item">
              <h3 class="mkb-item__title">
                <a class="utrecht-link" href={`/aanmeldingen/${r.id}`}>
                  {r.title ?? 'Aanmelding zonder naam'}
                </a>
              </h3>
              <p class="mkb-item__facts">
                <StateBadge state={r.state} participation={r.participation} />
                <span>Kenmerk: {r.reference ?? 'nog geen (concept)'}</span>
              </p>
              {r.decisionMessage && <p class="mkb-pre mkb-decision-message">{r.decisionMessage}</p>}
              <ul class="mkb-compact-list mkb-meta">
                <li>Begonnen: {formatDateTime(r.createdAt)}</li>
                {r.submittedAt && <li>Ingediend: {formatDateTime(r.submittedAt)}</li>}
                <li>
                  Laatst gewijzigd: {formatDateTime(r.updatedAt)}
                  {r.updatedBy ? ` door ${r.updatedBy}` : ''}
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      {canStart && (
        <p class="mkb-actions">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/aanmelden">
            Route aanmelden
          </a>
        </p>
      )}
    </section>
  );
}
