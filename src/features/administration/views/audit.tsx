import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, FilterSelect, Notice, Pagination, TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { AuditQuery, AuditRow } from '../audit-log.ts';

export function AuditPage(props: {
  ctx: PageContext;
  query: AuditQuery;
  problems: string[];
  rows: AuditRow[];
  total: number;
  page: number;
  pages: number;
  actions: { value: string; label: string }[];
  kinds: { value: string; label: string }[];
}) {
  const q = props.query;
  const link = (path: string, page?: number) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v));
    if (page && page > 1) params.set('pagina', String(page));
    const s = params.toString();
    return `${path}${s ? `?${s}` : ''}`;
  };
  return (
    <BackOfficePage ctx={props.ctx} title="Logboek">
      <p class="utrecht-paragraph">
        Wie wat deed, wanneer, met welk object. Het logboek bewaart alleen soorten handelingen en kenmerken, geen kopieën van
        persoonsgegevens.
      </p>
      {props.problems.map((p) => (
        <Notice key={p} kind="warning">
          {p}
        </Notice>
      ))}
      <form method="get" action="/beheer/audit" class="mkb-filters">
        <div class="mkb-filter">
          <label class="utrecht-form-label" for="filter-wie">
            Wie (naam, e-mailadres of “systeem”)
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="filter-wie" name="wie" value={q.wie} maxLength={200} />
        </div>
        <FilterSelect name="actie" label="Wat" value={q.actie} options={props.actions} />
        <FilterSelect name="soort" label="Soort object" value={q.soort} options={props.kinds} />
        <div class="mkb-filter">
          <label class="utrecht-form-label" for="filter-object">
            Object (kenmerk, zoals MKB-2026-0042, of id)
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="filter-object" name="object" value={q.object} maxLength={200} />
        </div>
        <div class="mkb-filter">
          <label class="utrecht-form-label" for="filter-van">
            Van
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="filter-van" name="van" type="date" value={q.van} />
        </div>
        <div class="mkb-filter">
          <label class="utrecht-form-label" for="filter-tot">
            Tot en met
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="filter-tot" name="tot" type="date" value={q.tot} />
        </div>
        <div class="mkb-filter mkb-filter--submit">
          <Button>Filteren</Button>
        </div>
      </form>
      <p class="utrecht-paragraph" role="status">
        {props.total === 1 ? '1 gebeurtenis' : `${props.total.toLocaleString('nl-NL')} gebeurtenissen`}
        {props.pages > 1 && `, pagina ${props.page} van ${props.pages}`}
      </p>
      {props.total > 0 && (
        <p>
          <a class="utrecht-link" href={link('/beheer/audit.csv')}>
            Deze selectie als CSV ({props.total.toLocaleString('nl-NL')} {props.total === 1 ? 'rij' : 'rijen'})
          </a>
        </p>
      )}
      {props.rows.length > 0 && (
        <TableScroll label="Logboek">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Object</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{r.who}</td>
                  <td>
                    {r.label}
                    {r.detail && <span class="mkb-meta"> — {r.detail}</span>}
                  </td>
                  <td>{r.object}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={props.page} pages={props.pages} href={(n) => link('/beheer/audit', n)} />
    </BackOfficePage>
  );
}
