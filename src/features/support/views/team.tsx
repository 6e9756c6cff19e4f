import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, ChoiceGroup, CsrfField, type FieldErrors, FilterSelect, Notice, TableScroll, TextArea } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { QueueRow } from '../queries.ts';
import { type Clock, OUTCOMES, STATES } from '../rules.ts';
import { RequestFacts, Thread, type View } from './thread.tsx';

const dutch = (d: string) => d.split('-').reverse().join('-');
function ClockText({ c, done }: { c: Clock; done: string }) {
  if (c.met) return <>{done} op tijd</>;
  if (c.late) return <strong>te laat (uiterlijk {dutch(c.due)})</strong>;
  return <>uiterlijk {dutch(c.due)}</>;
}

function CloseFields({ values, errors }: { values: Record<string, string | string[]>; errors?: FieldErrors }) {
  return (
    <>
      <ChoiceGroup
        name="outcome"
        legend="Uitkomst"
        options={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))}
        value={values.outcome}
        errors={errors}
      />
      <TextArea
        name="summary"
        label="Samenvatting: wat is er gebeurd?"
        hint="De route krijgt deze samenvatting met de uitkomst."
        value={typeof values.summary === 'string' ? values.summary : ''}
        errors={errors}
        maxLength={1000}
        rows={3}
        required
      />
    </>
  );
}

export function SupportQueuePage(props: {
  ctx: PageContext;
  rows: QueueRow[];
  query: Record<string, string>;
  themes: { value: string; label: string }[];
  team: { value: string; label: string }[];
  held: number;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const themeName = new Map(props.themes.map((t) => [t.value, t.label]));
  const open = props.rows.filter((r) => r.state !== 'closed');
  return (
    <BackOfficePage ctx={props.ctx} title="Ondersteuning" notice={props.notice} errors={props.errors}>
      {props.held > 0 && (
        <Notice kind="warning">
          <a class="utrecht-link" href="/beheer/ondersteuning/vastgehouden">
            {props.held} {props.held === 1 ? 'e-mail wacht' : 'e-mails wachten'} op beoordeling
          </a>{' '}
          (onbekende afzender of antwoordadres).
        </Notice>
      )}
      <form method="get" action="/beheer/ondersteuning" class="mkb-filters">
        <FilterSelect name="thema" label="Thema" value={props.query.thema ?? ''} options={props.themes} />
        <FilterSelect
          name="stand"
          label="Stand"
          value={props.query.stand ?? ''}
          options={Object.entries(STATES).map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect
          name="adviseur"
          label="Adviseur"
          value={props.query.adviseur ?? ''}
          options={[{ value: 'geen', label: 'Nog niemand' }, ...props.team]}
        />
        <FilterSelect
          name="ouder"
          label="Ouder dan"
          value={props.query.ouder ?? ''}
          options={[
            { value: '2', label: '2 dagen' },
            { value: '7', label: '7 dagen' },
            { value: '30', label: '30 dagen' },
          ]}
        />
        <div class="mkb-filter mkb-filter--submit">
          <Button>Filteren</Button>
        </div>
      </form>
      <p class="utrecht-paragraph" role="status">
        {props.rows.length === 1 ? '1 vraag' : `${props.rows.length} vragen`}
      </p>
      {props.rows.length > 0 && (
        <p>
          <a
            class="utrecht-link"
            href={`/beheer/ondersteuning.csv${(() => {
              const qs = new URLSearchParams(Object.entries(props.query).filter(([, v]) => v)).toString();
              return qs ? `?${qs}` : '';
            })()}`}
          >
            Deze lijst als CSV ({props.rows.length} {props.rows.length === 1 ? 'vraag' : 'vragen'})
          </a>
        </p>
      )}
      {props.rows.length > 0 && (
        <>
          <TableScroll label="Ondersteuningsvragen">
            <table class="mkb-table">
              <thead>
                <tr>
                  <th scope="col">Kies</th>
                  <th scope="col">Vraag</th>
                  <th scope="col">Thema</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Eerste reactie</th>
                  <th scope="col">Afgerond</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.state !== 'closed' && (
                        <input
                          type="checkbox"
                          name="ids"
                          form="vragen-afsluiten"
                          value={r.id}
                          id={`kies-${r.id}`}
                          aria-label={`Kies ${r.reference}`}
                          checked={[props.values?.ids ?? []].flat().includes(r.id)}
                        />
                      )}
                    </td>
                    <th scope="row">
                      <a class="utrecht-link" href={`/beheer/ondersteuning/${r.id}`}>
                        {r.reference} {r.subject}
                      </a>
                      <span class="mkb-meta">
                        {' '}
                        {r.route} · {r.ageDays} {r.ageDays === 1 ? 'dag' : 'dagen'} oud
                      </span>
                    </th>
                    <td>{themeName.get(r.theme) ?? r.theme}</td>
                    <td>
                      {STATES[r.state]}
                      {r.advisor && <span class="mkb-meta"> ({r.advisor})</span>}
                      {r.outcome && <span class="mkb-meta"> — {OUTCOMES[r.outcome as keyof typeof OUTCOMES]}</span>}
                    </td>
                    <td>
                      <ClockText c={r.first} done="gereageerd" />
                    </td>
                    <td>
                      <ClockText c={r.solution} done="afgerond" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {open.length > 0 && (
            // The checkboxes in the table belong to this form (their form attribute), so the table keeps the page's width.
            <form method="post" action="/beheer/ondersteuning/afsluiten" class="mkb-form" id="vragen-afsluiten">
              <CsrfField token={props.ctx.csrfToken} />
              <fieldset class="utrecht-form-fieldset mkb-fieldset">
                <legend class="utrecht-form-fieldset__legend">De gekozen vragen afsluiten</legend>
                <CloseFields values={props.values ?? {}} errors={props.errors} />
                <Button secondary>Gekozen vragen afsluiten</Button>
              </fieldset>
            </form>
          )}
        </>
      )}
    </BackOfficePage>
  );
}

export function TeamRequestPage(props: {
  ctx: PageContext;
  view: View;
  suggestions: { id: string; name: string; reasons: string[] }[];
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const r = props.view.request;
  const v = props.values ?? {};
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`${r.reference}: ${r.subject}`}
      back={{ href: '/beheer/ondersteuning', text: 'Terug naar ondersteuning' }}
      notice={props.notice}
      errors={props.errors}
    >
      <RequestFacts view={props.view} />
      {r.state === 'closed' && (
        <Notice kind="info">
          Afgesloten op {formatDateTime(r.closed_at ?? '')}: {OUTCOMES[r.outcome as keyof typeof OUTCOMES] ?? r.outcome}. {r.summary}
        </Notice>
      )}
      {r.state !== 'closed' && (
        <form method="post" action={`/beheer/ondersteuning/${r.id}/adviseur`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <ChoiceGroup
            name="advisor"
            legend={r.advisor_id ? 'Andere adviseur' : 'Adviseur toewijzen (beste suggestie bovenaan)'}
            options={props.suggestions.map((s) => ({ value: s.id, label: `${s.name} — ${s.reasons.join('; ')}` }))}
            value={r.advisor_id ?? props.suggestions[0]?.id}
          />
          <Button secondary>Adviseur toewijzen</Button>
        </form>
      )}
      <h2 class="utrecht-heading-2">Berichten met de route</h2>
      <Thread view={props.view} />
      {r.state !== 'closed' && (
        <form method="post" action={`/beheer/ondersteuning/${r.id}/bericht`} enctype="multipart/form-data" class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <TextArea
            name="message"
            label="Bericht aan de route"
            hint="De route ziet dit en krijgt het per mail."
            value={str('message')}
            errors={props.errors}
            maxLength={5000}
            rows={5}
            required
          />
          <Button>Bericht versturen</Button>
        </form>
      )}
      <section class="mkb-notes" aria-labelledby="notities-titel">
        <h2 class="utrecht-heading-2" id="notities-titel">
          Interne notities — alleen voor het team
        </h2>
        {props.view.notes.length === 0 ? (
          <p class="utrecht-paragraph">Nog geen notities.</p>
        ) : (
          <ol class="mkb-thread">
            {props.view.notes.map((n) => (
              <li key={n.id} class="mkb-thread__message mkb-thread__message--note">
                <p class="mkb-meta">
                  <strong>{n.name ?? n.email ?? 'teamlid'}</strong> · {formatDateTime(n.created_at)}
                </p>
                <p class="mkb-pre-line">{n.body}</p>
              </li>
            ))}
          </ol>
        )}
        <form method="post" action={`/beheer/ondersteuning/${r.id}/notitie`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <TextArea
            name="note"
            label="Interne notitie"
            hint="Alleen het team ziet dit; het gaat nooit naar de route."
            value={str('note')}
            errors={props.errors}
            maxLength={5000}
            rows={3}
            required
          />
          <Button secondary>Notitie opslaan</Button>
        </form>
      </section>
      {r.state !== 'closed' && (
        <form method="post" action={`/beheer/ondersteuning/${r.id}/afsluiten`} class="mkb-form">
          <CsrfField token={props.ctx.csrfToken} />
          <h2 class="utrecht-heading-2">Afsluiten</h2>
          <CloseFields values={v} errors={props.errors} />
          <Button secondary>Vraag afsluiten</Button>
        </form>
      )}
    </BackOfficePage>
  );
}

export function HeldPage(props: {
  ctx: PageContext;
  held: { id: string; received_at: string; from_address: string; subject: string; body: string; reason: string; request?: string | null }[];
  notice?: string | null;
}) {
  return (
    <BackOfficePage
      ctx={props.ctx}
      title="Vastgehouden e-mails"
      back={{ href: '/beheer/ondersteuning', text: 'Terug naar ondersteuning' }}
      notice={props.notice}
    >
      <p class="utrecht-paragraph">
        Deze antwoorden per mail zijn niet in een vraag geplaatst: het antwoordadres klopte niet, of de afzender hoort niet bij de vraag.
        Lees ze; zet wat klopt zelf in de vraag, en handel ze dan af.
      </p>
      {props.held.length === 0 ? (
        <p class="utrecht-paragraph">Er wachten geen e-mails.</p>
      ) : (
        <ol class="mkb-thread">
          {props.held.map((h) => (
            <li key={h.id} class="mkb-thread__message">
              <p class="mkb-meta">
                {formatDateTime(h.received_at)} · van {h.from_address} · {h.reason}
                {h.request && (
                  <>
                    {' '}
                    ·{' '}
                    <a class="utrecht-link" href={`/beheer/ondersteuning/${h.request}`}>
                      naar de vraag
                    </a>
                  </>
                )}
              </p>
              <p>
                <strong>{h.subject || '(geen onderwerp)'}</strong>
              </p>
              <p class="mkb-pre-line">{h.body.slice(0, 5000)}</p>
              <form method="post" action={`/beheer/ondersteuning/vastgehouden/${h.id}`} class="mkb-inline-form">
                <CsrfField token={props.ctx.csrfToken} />
                <Button secondary>Afgehandeld</Button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </BackOfficePage>
  );
}
