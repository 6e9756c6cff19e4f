import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, SelectField, TableScroll, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { DomainsOverview } from '../domains.ts';

/**
 * /beheer/maildomeinen (admins): which e-mail and SURFconext domains belong to which hogeschool,
 * the home organisations that signed in without a match, and the form that links a domain.
 */
export function MailDomainsPage(props: {
  ctx: PageContext;
  overview: DomainsOverview;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const { overview, ctx } = props;
  const options = overview.institutions.map((i) => ({ value: i.brin, label: `${i.name} (${i.city})` }));
  return (
    <BackOfficePage ctx={ctx} title="Maildomeinen van hogescholen" notice={props.notice} errors={props.errors}>
      <p class="utrecht-paragraph">
        Een e-mailadres of een SURFconext-account hoort bij een hogeschool als het domein hieronder bij die hogeschool staat, precies zo
        geschreven: <code>avans.nl</code> geldt niet voor <code>student.avans.nl</code>. Alleen wie zo bij een hogeschool hoort, kan voor
        die hogeschool een route aanmelden. Wie al gekoppeld is, blijft gekoppeld als u een domein verwijdert.
      </p>
      {overview.unknown.length > 0 && (
        <section aria-labelledby="onbekend-titel">
          <h2 class="utrecht-heading-2" id="onbekend-titel">
            Onbekende instellingen
          </h2>
          <p class="utrecht-paragraph">
            Via SURFconext probeerden mensen in te loggen van deze instellingen. Hoort een domein bij een hogeschool, koppel het dan; daarna
            kunnen zij inloggen.
          </p>
          <TableScroll label="Onbekende instellingen">
            <table class="mkb-table">
              <thead>
                <tr>
                  <th scope="col">Domein</th>
                  <th scope="col">Pogingen</th>
                  <th scope="col">Laatst gezien</th>
                  <th scope="col">Actie</th>
                </tr>
              </thead>
              <tbody>
                {overview.unknown.map((u) => (
                  <tr key={u.domain}>
                    <td>{u.domain}</td>
                    <td>{u.attempts}</td>
                    <td>{formatDateTime(u.lastSeenAt)}</td>
                    <td>
                      <a class="utrecht-link" href={`/beheer/maildomeinen?domein=${encodeURIComponent(u.domain)}#toevoegen-titel`}>
                        Koppelen<span class="mkb-visually-hidden"> {u.domain}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
      <h2 class="utrecht-heading-2" id="toevoegen-titel">
        Domein koppelen
      </h2>
      <form method="post" action="/beheer/maildomeinen" class="mkb-form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="domain"
          label="Domein"
          hint="Het deel na de @, zoals hogeschool.nl."
          required
          maxLength={253}
          value={props.values?.domain}
          errors={props.errors}
        />
        <SelectField
          name="institution"
          label="Hogeschool"
          required
          placeholder="Kies een hogeschool"
          options={options}
          value={props.values?.institution}
          errors={props.errors}
        />
        <Button>Domein koppelen</Button>
      </form>
      <h2 class="utrecht-heading-2">Domeinen per hogeschool</h2>
      <TableScroll label="Domeinen per hogeschool">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Hogeschool</th>
              <th scope="col">Domeinen</th>
            </tr>
          </thead>
          <tbody>
            {overview.institutions.map((i) => (
              <tr key={i.brin}>
                <th scope="row">{i.name}</th>
                <td>
                  {i.domains.length === 0 ? (
                    'Geen'
                  ) : (
                    <ul class="mkb-domains">
                      {i.domains.map((d) => (
                        <li key={d}>
                          <form method="post" action="/beheer/maildomeinen/verwijderen" class="mkb-domains__item">
                            <CsrfField token={ctx.csrfToken} />
                            <input type="hidden" name="domain" value={d} />
                            {d}{' '}
                            <Button secondary>
                              Verwijderen<span class="mkb-visually-hidden"> {d}</span>
                            </Button>
                          </form>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </BackOfficePage>
  );
}
