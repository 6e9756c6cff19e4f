import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, FilterSelect, Pagination, TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Option } from '../../reference/index.ts';
import { PARTICIPATION, STATE_LABELS, STATES, stateLabel } from '../../registrations/index.ts';
import type { QueueRow } from '../queue.ts';

export type QueueQuery = { state: string; assignee: string; institution: string; sector: string; wish: string; sort: string };

/** The queue's rows; rendered once per data version and waiting-days change and kept (routes.tsx). */
export function QueueRows({ rows }: { rows: QueueRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <tr key={r.id}>
          <td>
            <a class="utrecht-link" href={`/beheer/aanmeldingen/${r.id}`}>
              {r.reference ?? '–'}
            </a>
          </td>
          <td>{r.title ?? 'Zonder naam'}</td>
          <td>{r.institution}</td>
          <td>{r.sector ?? '–'}</td>
          <td>{stateLabel(r.state, r.participation)}</td>
          <td>{r.daysWaiting ?? '–'}</td>
          <td>{r.assignees.length ? r.assignees.join(', ') : 'Nog niemand'}</td>
        </tr>
      ))}
    </>
  );
}

export function QueuePage(props: {
  ctx: PageContext;
  query: QueueQuery;
  rows: QueueRow[];
  total: number;
  page: number;
  pages: number;
  counts: Record<string, number>;
  team: Option[];
  institutions: Option[];
  sectors: Option[];
  ignored: string[];
  /** The table's rows already rendered (kept with the data), or rendered here when absent. */
  rowsHtml?: string;
}) {
  const { query } = props;
  const link = (changes: Partial<QueueQuery> & { pagina?: number }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...changes })) if (v !== '' && v !== undefined) params.set(k, String(v));
    const s = params.toString();
    return `/beheer/aanmeldingen${s ? `?${s}` : ''}`;
  };
  return (
    <BackOfficePage ctx={props.ctx} title="Aanmeldingen beoordelen" heading="Aanmeldingen">
      {props.ignored.length > 0 && (
        <div class="mkb-notice mkb-notice--warning" role="status">
          Niet herkende filters zijn genegeerd: {props.ignored.join(', ')}.
        </div>
      )}
      <ul class="mkb-counts" aria-label="Aantal per status">
        {STATES.filter((s) => s !== 'draft').map((s) => (
          <li key={s}>
            <a class="utrecht-link" href={link({ state: s, pagina: undefined })} aria-current={query.state === s ? 'true' : undefined}>
              {STATE_LABELS[s]}: {props.counts[s] ?? 0}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action="/beheer/aanmeldingen" class="mkb-filters">
        <FilterSelect
          name="state"
          label="Status"
          value={query.state}
          options={STATES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        />
        <FilterSelect
          name="assignee"
          label="Beoordelaar"
          value={query.assignee}
          options={[{ value: 'geen', label: 'Nog niemand' }, ...props.team]}
        />
        <FilterSelect name="institution" label="Hogeschool" value={query.institution} options={props.institutions} />
        <FilterSelect name="sector" label="Sector" value={query.sector} options={props.sectors} />
        <FilterSelect name="wish" label="Deelnamewens" value={query.wish} options={PARTICIPATION} />
        <FilterSelect
          name="sort"
          label="Sorteren op"
          all={false}
          value={query.sort}
          options={[
            { value: 'waiting', label: 'Langst wachtend eerst' },
            { value: 'reference', label: 'Kenmerk' },
            { value: 'institution', label: 'Hogeschool' },
            { value: 'state', label: 'Status' },
          ]}
        />
        <div class="mkb-filter mkb-filter--submit">
          <Button>Filteren</Button>
        </div>
      </form>
      <p class="utrecht-paragraph" role="status">
        {props.total === 1 ? '1 aanmelding' : `${props.total} aanmeldingen`}
        {props.pages > 1 && `, pagina ${props.page} van ${props.pages}`}
      </p>
      {props.total > 0 && (
        <p>
          <a class="utrecht-link" href={link({ pagina: undefined }).replace('/beheer/aanmeldingen', '/beheer/aanmeldingen.csv')}>
            Deze lijst als CSV ({props.total === 1 ? '1 aanmelding' : `${props.total} aanmeldingen`}, alle pagina’s)
          </a>
        </p>
      )}
      {props.rows.length > 0 && (
        <TableScroll label="Aanmeldingen">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Kenmerk</th>
                <th scope="col">Opleiding</th>
                <th scope="col">Hogeschool</th>
                <th scope="col">Sector</th>
                <th scope="col">Status</th>
                <th scope="col">Dagen wachtend</th>
                <th scope="col">Beoordelaars</th>
              </tr>
            </thead>
            {props.rowsHtml !== undefined ? (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by QueueRows (Preact escapes every value)
              <tbody dangerouslySetInnerHTML={{ __html: props.rowsHtml }} />
            ) : (
              <tbody>
                <QueueRows rows={props.rows} />
              </tbody>
            )}
          </table>
        </TableScroll>
      )}
      <Pagination page={props.page} pages={props.pages} href={(n) => link({ pagina: n })} />
    </BackOfficePage>
  );
}
