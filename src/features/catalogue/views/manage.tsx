import { LIMITS } from '../../../platform/limits.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Heading1,
  Notice,
  TableScroll,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Route } from '../service.ts';

type Values = Record<string, string>;

function Back({ href, text }: { href: string; text: string }) {
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={href}>
        {text}
      </a>
    </p>
  );
}

export function RoutesAdminPage(props: {
  ctx: PageContext;
  routes: { id: string; slug: string; title: string; institution: string; published: boolean; reason: string | null }[];
  notice?: string;
  errors?: FieldErrors;
  /** The route whose form came back with an error, with what was typed. */
  failed?: { id: string; reason: string };
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Gepubliceerde routes" heading="Routes in het landelijk overzicht">
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      {props.routes.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn nog geen toegelaten routes met toestemming voor publicatie.</p>
      ) : (
        <>
          <p>
            <a class="utrecht-link" href="/beheer/routes.csv">
              Alle routes als CSV ({props.routes.length}), ook de verborgen
            </a>
          </p>
          <TableScroll label="Routes">
            <table class="mkb-table">
              <thead>
                <tr>
                  <th scope="col">Route</th>
                  <th scope="col">Hogeschool</th>
                  <th scope="col">Zichtbaar</th>
                  <th scope="col">Actie</th>
                </tr>
              </thead>
              <tbody>
                {props.routes.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.published ? (
                        <a class="utrecht-link" href={`/routes/${r.slug}`}>
                          {r.title}
                        </a>
                      ) : (
                        r.title
                      )}
                    </td>
                    <td>{r.institution}</td>
                    <td>{r.published ? 'Ja' : `Nee: ${r.reason ?? ''}`}</td>
                    <td>
                      <form method="post" action={`/beheer/routes/${r.id}/publicatie`} class="mkb-inline-form">
                        <CsrfField token={props.ctx.csrfToken} />
                        {r.published ? (
                          <>
                            <input type="hidden" name="actie" value="verbergen" />
                            <label class="mkb-visually-hidden" for={`veld-reden-${r.id}`}>
                              Reden om {r.title} te verbergen
                            </label>
                            <input
                              class={`utrecht-textbox utrecht-textbox--html-input${props.failed?.id === r.id ? ' utrecht-textbox--invalid' : ''}`}
                              id={`veld-reden-${r.id}`}
                              name="reason"
                              maxLength={LIMITS.reason}
                              placeholder="Reden"
                              value={props.failed?.id === r.id ? props.failed.reason : undefined}
                              aria-invalid={props.failed?.id === r.id ? 'true' : undefined}
                            />
                            <Button secondary>Verbergen</Button>
                          </>
                        ) : (
                          <>
                            <input type="hidden" name="actie" value="tonen" />
                            <Button secondary>Weer tonen</Button>
                          </>
                        )}
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </BackOfficePage>
  );
}

export function ProfilePage(props: { ctx: PageContext; route: Route; values?: Values; errors?: FieldErrors; notice?: string }) {
  const r = props.route;
  const v = props.values ?? {
    description: r.description ?? '',
    locations: r.locations ?? '',
    contact_name: r.contact?.name ?? '',
    contact_email: r.contact?.email ?? '',
  };
  return (
    <Layout ctx={props.ctx} title={`Openbaar profiel: ${r.title}`}>
      <Back href="/mijn" text="Terug naar mijn omgeving" />
      <Heading1>Openbaar profiel</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Zo staat {r.title} in het{' '}
        <a class="utrecht-link" href={`/routes/${r.slug}`}>
          landelijk overzicht
        </a>
        . Laat een veld leeg om het niet te tonen.
      </p>
      {!r.published && <Notice kind="warning">Het programmateam heeft deze route uit het overzicht gehaald: {r.unpublishedReason}</Notice>}
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      <form method="post" action={`/mijn/routes/${r.id}`} class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextArea name="description" label="Beschrijving" rows={6} value={v.description} errors={props.errors} />
        <TextField name="locations" label="Plaatsen" maxLength={LIMITS.short} value={v.locations} errors={props.errors} />
        <TextField name="contact_name" label="Naam contactpersoon" maxLength={LIMITS.short} value={v.contact_name} errors={props.errors} />
        <TextField
          name="contact_email"
          label="E-mailadres contactpersoon"
          type="email"
          maxLength={LIMITS.email}
          value={v.contact_email}
          errors={props.errors}
        />
        <Button>Profiel opslaan</Button>
      </form>
    </Layout>
  );
}

/** The hogeschool's routes in the public catalogue, on /mijn, with a link to edit each profile. */
export function OwnRoutesCard({ routes }: { routes: { id: string; title: string; slug: string; published: boolean }[] }) {
  return (
    <section aria-labelledby="profielen-titel">
      <h2 class="utrecht-heading-2" id="profielen-titel">
        In het landelijk overzicht
      </h2>
      <ul>
        {routes.map((r) => (
          <li key={r.id}>
            {r.published ? (
              <a class="utrecht-link" href={`/routes/${r.slug}`}>
                {r.title}
              </a>
            ) : (
              `${r.title} (verborgen)`
            )}{' '}
            ·{' '}
            <a class="utrecht-link" href={`/mijn/routes/${r.id}`}>
              Openbaar profiel bewerken<span class="mkb-visually-hidden"> van {r.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
