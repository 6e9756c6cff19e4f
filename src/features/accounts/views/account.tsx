import { Button, CsrfField, Heading1, Notice } from '../../../ui/components.tsx';
import type { CurrentUser, PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ROLE_LABELS } from '../rules.ts';

export function AccountPage({ ctx, user, welcome }: { ctx: PageContext; user: CurrentUser; welcome: boolean }) {
  const backOffice = user.role === 'team' || user.role === 'admin';
  return (
    <Layout ctx={ctx} title="Mijn omgeving">
      <Heading1>Mijn omgeving</Heading1>
      {welcome && <Notice kind="ok">U bent ingelogd.</Notice>}
      <h2 class="utrecht-heading-2">Uw account</h2>
      <table class="mkb-table">
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
            <td>{ROLE_LABELS[user.role]}</td>
          </tr>
          {user.institutionName && (
            <tr>
              <th scope="row">Hogeschool</th>
              <td>{user.institutionName}</td>
            </tr>
          )}
        </tbody>
      </table>
      {backOffice && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer">
            Naar het beheer
          </a>
        </p>
      )}
      <h2 class="utrecht-heading-2">Uitloggen op alle apparaten</h2>
      <p class="utrecht-paragraph">
        Bent u ergens ingelogd gebleven, bijvoorbeeld op een gedeelde computer? Hiermee logt u overal uit, ook hier.
      </p>
      <form method="post" action="/uitloggen/overal">
        <CsrfField token={ctx.csrfToken} />
        <Button secondary>Overal uitloggen</Button>
      </form>
    </Layout>
  );
}
