import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  type FieldErrors,
  FilterSelect,
  Pagination,
  TableScroll,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { ROLE_LABELS, type Role } from '../rules.ts';

type Person = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  last_sign_in_at: string | null;
  disabled_at: string | null;
  institution_name: string | null;
};

export function PeoplePage(props: {
  ctx: PageContext;
  rows: Person[];
  total: number;
  page: number;
  pages: number;
  query: { q: string; rol: string };
  invite: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const q = props.query;
  const link = (page: number) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v));
    if (page > 1) params.set('pagina', String(page));
    const s = params.toString();
    return `/beheer/gebruikers${s ? `?${s}` : ''}`;
  };
  const me = props.ctx.user?.id;
  return (
    <BackOfficePage ctx={props.ctx} title="Gebruikers" notice={props.notice} errors={props.errors}>
      <form method="get" action="/beheer/gebruikers" class="mkb-filters">
        <div class="mkb-filter">
          <label class="utrecht-form-label" for="filter-q">
            Zoek op naam of e-mailadres
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="filter-q" name="q" value={q.q} maxLength={200} />
        </div>
        <FilterSelect
          name="rol"
          label="Rol"
          value={q.rol}
          options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <div class="mkb-filter mkb-filter--submit">
          <Button>Zoeken</Button>
        </div>
      </form>
      <p class="utrecht-paragraph" role="status">
        {props.total === 1 ? '1 gebruiker' : `${props.total} gebruikers`}
        {props.pages > 1 && `, pagina ${props.page} van ${props.pages}`}
      </p>
      {props.rows.length > 0 && (
        <TableScroll label="Gebruikers">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Naam en e-mailadres</th>
                <th scope="col">Rol</th>
                <th scope="col">Laatst ingelogd</th>
                <th scope="col">Wijzigen</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name ?? p.email}
                    {p.name && <span class="mkb-meta"> {p.email}</span>}
                    {p.disabled_at && <strong> (uitgezet)</strong>}
                  </th>
                  <td>
                    {ROLE_LABELS[p.role]}
                    {p.institution_name && <span class="mkb-meta"> {p.institution_name}</span>}
                  </td>
                  <td>{p.last_sign_in_at ? formatDateTime(p.last_sign_in_at) : 'nooit'}</td>
                  <td>
                    {p.id !== me && (
                      <div class="mkb-actions">
                        {p.role !== 'admin' && (
                          <form method="post" action={`/beheer/gebruikers/${p.id}/rol`} class="mkb-inline-form">
                            <CsrfField token={props.ctx.csrfToken} />
                            <input type="hidden" name="role" value="admin" />
                            <Button secondary>Maak beheerder</Button>
                          </form>
                        )}
                        {p.role !== 'team' && (
                          <form method="post" action={`/beheer/gebruikers/${p.id}/rol`} class="mkb-inline-form">
                            <CsrfField token={props.ctx.csrfToken} />
                            <input type="hidden" name="role" value="team" />
                            <Button secondary>Maak teamlid</Button>
                          </form>
                        )}
                        <form
                          method="post"
                          action={`/beheer/gebruikers/${p.id}/${p.disabled_at ? 'aanzetten' : 'uitzetten'}`}
                          class="mkb-inline-form"
                        >
                          <CsrfField token={props.ctx.csrfToken} />
                          <Button secondary>{p.disabled_at ? 'Weer aanzetten' : 'Uitzetten'}</Button>
                        </form>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={props.page} pages={props.pages} href={link} />
      <h2 class="utrecht-heading-2">Iemand uitnodigen</h2>
      <form method="post" action="/beheer/gebruikers" class="mkb-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="email"
          label="E-mailadres"
          type="email"
          value={props.invite.email}
          errors={props.errors}
          maxLength={254}
          required
        />
        <TextField name="name" label="Naam" value={props.invite.name} errors={props.errors} maxLength={200} />
        <ChoiceGroup
          name="role"
          legend="Rol"
          options={[
            { value: 'team', label: ROLE_LABELS.team },
            { value: 'admin', label: ROLE_LABELS.admin },
          ]}
          value={props.invite.role ?? 'team'}
          errors={props.errors}
        />
        <Button>Uitnodigen</Button>
      </form>
    </BackOfficePage>
  );
}

/** On /mijn for team members: the themes they know most about, and where conflicts of interest are declared. */
export function ExpertiseCard({
  ctx,
  themes,
  chosen,
  saved,
}: {
  ctx: PageContext;
  themes: { value: string; label: string }[];
  chosen: string[];
  saved: boolean;
}) {
  return (
    <section aria-labelledby="expertise-titel">
      <h2 class="utrecht-heading-2" id="expertise-titel">
        Uw expertise
      </h2>
      {saved && (
        <p class="utrecht-paragraph" role="status">
          Opgeslagen.
        </p>
      )}
      <form method="post" action="/mijn/expertise" class="mkb-form">
        <CsrfField token={ctx.csrfToken} />
        <ChoiceGroup
          name="themes"
          legend="Thema’s waarin u het meest thuis bent"
          hint="Het team ziet dit, en het helpt om de juiste adviseur voor een vraag te vinden."
          type="checkbox"
          options={themes}
          value={chosen}
        />
        <Button secondary>Expertise opslaan</Button>
      </form>
      <p class="utrecht-paragraph">
        Uw belangen (banden met een hogeschool) geeft u op bij{' '}
        <a class="utrecht-link" href="/beheer/belangen">
          Belangen
        </a>
        .
      </p>
    </section>
  );
}
