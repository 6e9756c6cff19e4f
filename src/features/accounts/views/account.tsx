import { Button, CsrfField, TableScroll } from '../../../ui/components.tsx';
import type { CurrentUser, PageContext } from '../../../ui/context.ts';
import { ROLE_LABELS } from '../rules.ts';

/** The account part of /mijn: who you are, and signing out everywhere. */
export function AccountSummary({ ctx, user }: { ctx: PageContext; user: CurrentUser }) {
  const backOffice = user.role === 'team' || user.role === 'admin';
  return (
    <section aria-labelledby="account-titel">
      <h2 class="utrecht-heading-2" id="account-titel">
        Uw account
      </h2>
      <TableScroll label="Uw gegevens">
        <table class="mkb-table mkb-facts">
          <tbody>
            <tr>
              <th scope="row">Naam</th>
              <td>{user.name ?? 'Niet ingevuld'}</td>
            </tr>
            <tr>
              <th scope="row">E-mailadres</th>
              <td>{user.email}</td>
            </tr>
            <tr>
              <th scope="row">Rol</th>
              <td>
                {user.role === 'applicant' && !user.institutionBrin
                  ? 'Deelnemer (niet gekoppeld aan een hogeschool)'
                  : ROLE_LABELS[user.role]}
              </td>
            </tr>
            {user.institutionName && (
              <tr>
                <th scope="row">Hogeschool</th>
                <td>{user.institutionName}</td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>
      {backOffice && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer">
            Naar het beheer
          </a>
        </p>
      )}
      <h3 class="utrecht-heading-3">Uitloggen op alle apparaten</h3>
      <p class="utrecht-paragraph">
        Bent u ergens ingelogd gebleven, bijvoorbeeld op een gedeelde computer? Hiermee logt u overal uit, ook hier.
      </p>
      <form method="post" action="/uitloggen/overal">
        <CsrfField token={ctx.csrfToken} />
        <Button secondary>Overal uitloggen</Button>
      </form>
    </section>
  );
}
