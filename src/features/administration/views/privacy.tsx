import { formatDay } from '../../../platform/calendar.ts';
import type { OverviewPart } from '../../../platform/privacy/engine.ts';
import type { LedgerEntry } from '../../../platform/privacy/ledger.ts';
import type { RetentionForecast } from '../../../platform/privacy/retention.ts';
import type { Blocker, PlanLine } from '../../../platform/privacy/types.ts';
import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, ChoiceGroup, CsrfField, type FieldErrors, Heading1, Notice, TableScroll, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';

/** What the platform holds about a person, part by part (the person's own page and the admin's). */
export function Overview({ parts }: { parts: OverviewPart[] }) {
  if (!parts.length) return <p class="utrecht-paragraph">Het platform bewaart geen gegevens over dit e-mailadres.</p>;
  return (
    <>
      {parts.map((part) => (
        <section key={part.key} aria-labelledby={`deel-${part.key}`}>
          <h2 class="utrecht-heading-2" id={`deel-${part.key}`}>
            {part.title}
          </h2>
          {part.items.map((item, i) => (
            <div key={`${part.key}-${i}`} class="mkb-card">
              <h3 class="utrecht-heading-3">{item.label}</h3>
              <dl class="mkb-facts">
                {item.fields.map(([k, v], j) => (
                  <div key={`${k}-${j}`}>
                    <dt>{k}</dt>
                    <dd>{v || '—'}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export function MyDataPage(props: { ctx: PageContext; parts: OverviewPart[]; contact: string }) {
  return (
    <Layout ctx={props.ctx} title="Mijn gegevens">
      <Heading1>Mijn gegevens</Heading1>
      <p class="utrecht-paragraph">
        Dit is alles wat het platform over u bewaart, gevonden via uw e-mailadres en uw account. U kunt het ook downloaden als bestand
        (JSON), om te bewaren of mee te nemen.
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/mijn/gegevens.json" download="mijn-gegevens.json">
          Download mijn gegevens (JSON)
        </a>
      </p>
      <Overview parts={props.parts} />
      <h2 class="utrecht-heading-2">Gegevens laten verwijderen</h2>
      <p class="utrecht-paragraph">
        Wilt u dat we uw gegevens verwijderen? Mail {props.contact}. Een beheerder laat u binnen een maand weten wat er is verwijderd, wat
        is geanonimiseerd en wat we bewaren, en waarom. Lees ook de <a href="/privacy">privacyverklaring</a>.
      </p>
    </Layout>
  );
}

const ACTION_TEXT: Record<PlanLine['action'], string> = {
  verwijderd: 'Wordt verwijderd',
  geanonimiseerd: 'Wordt geanonimiseerd',
  bewaard: 'Blijft bewaard',
};

export function PrivacyPage(props: {
  ctx: PageContext;
  forecast: RetentionForecast[];
  ledger: LedgerEntry[];
  email?: string;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Privacy (AVG)" notice={props.notice} errors={props.errors}>
      <h2 class="utrecht-heading-2">Verzoek van een persoon</h2>
      <p class="utrecht-paragraph">
        Voor een inzage-, verwijder- of overdrachtsverzoek: zoek de persoon op met het e-mailadres. U ziet alles wat het platform over hem
        of haar bewaart, kunt het als bestand downloaden, en ziet vooraf precies wat een verwijdering doet.
      </p>
      <form method="get" action="/beheer/privacy/persoon" class="mkb-form" novalidate>
        <TextField
          name="email"
          label="E-mailadres"
          type="email"
          value={props.email}
          errors={props.errors}
          maxLength={320}
          required
          autocomplete="off"
        />
        <Button>Opzoeken</Button>
      </form>
      <h2 class="utrecht-heading-2">Bewaartermijnen</h2>
      <p class="utrecht-paragraph">
        Elke nacht anonimiseert of verwijdert het platform wat zijn termijn voorbij is. De termijnen stelt u in bij{' '}
        <a href="/beheer/instellingen">Instellingen</a>.
      </p>
      <TableScroll label="Bewaartermijnen en wat eraan komt">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Wat</th>
              <th scope="col">Termijn</th>
              <th scope="col">Bij de volgende ronde</th>
              <th scope="col">De komende 30 dagen</th>
            </tr>
          </thead>
          <tbody>
            {props.forecast.map((f) => (
              <tr key={f.rule.key}>
                <th scope="row">{f.rule.label}</th>
                <td>
                  {f.period} {f.rule.setting.unit}
                </td>
                <td>{f.dueNow === 0 ? 'niets' : `${f.dueNow} ${f.rule.action}, ${f.rule.because(f.period)}`}</td>
                <td>
                  {f.upcoming.length === 0 ? (
                    'niets'
                  ) : (
                    <ul class="mkb-compact-list">
                      {f.upcoming.map((u) => (
                        <li key={u.date}>
                          {u.count} {u.count === 1 ? 'record wordt' : 'records worden'} op {formatDay(`${u.date}T12:00:00Z`)}{' '}
                          {f.rule.action}, {f.rule.because(f.period)}
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
      <form method="post" action="/beheer/privacy/bewaartermijnen" class="mkb-form">
        <CsrfField token={props.ctx.csrfToken} />
        <Button secondary>Nu uitvoeren</Button>
      </form>
      <h2 class="utrecht-heading-2">Verwijderlog</h2>
      <p class="utrecht-paragraph">
        Elke verwijdering en anonimisering, met alleen kenmerken, nooit de verwijderde gegevens. Na het terugzetten van een back-up past het
        platform deze log opnieuw toe voordat het weer bezoekers bedient.
      </p>
      {props.ledger.length === 0 ? (
        <p class="utrecht-paragraph">Nog niets.</p>
      ) : (
        <TableScroll label="Verwijderlog">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Soort</th>
                <th scope="col">Kenmerk</th>
                <th scope="col">Aantallen</th>
              </tr>
            </thead>
            <tbody>
              {props.ledger.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.kind === 'verzoek' ? 'verzoek' : `bewaartermijn (${e.rule})`}</td>
                  <td>
                    <code>{e.id.slice(0, 8)}</code>
                  </td>
                  <td>
                    {Object.entries(e.counts ?? {})
                      .map(([k, n]) => `${k}: ${n}`)
                      .join('; ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </BackOfficePage>
  );
}

export function PersonPage(props: {
  ctx: PageContext;
  email: string;
  parts: OverviewPart[];
  lines: (PlanLine & { source: string })[];
  blockers: Blocker[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const v = props.values ?? {};
  const groups: PlanLine['action'][] = ['verwijderd', 'geanonimiseerd', 'bewaard'];
  const replacements = props.blockers.filter((b) => b.replacementFor);
  const hard = props.blockers.filter((b) => !b.replacementFor);
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Gegevens van ${props.email}`}
      back={{ href: '/beheer/privacy', text: 'Terug naar privacy' }}
      errors={props.errors}
    >
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/privacy/persoon.json?email=${encodeURIComponent(props.email)}`}>
          Download als bestand (JSON)
        </a>{' '}
        — voor een inzage- of overdrachtsverzoek; stuur het de persoon zelf toe.
      </p>
      <Overview parts={props.parts} />
      <h2 class="utrecht-heading-2" id="verwijderen">
        Verwijderen: wat er gebeurt
      </h2>
      {props.lines.length === 0 ? (
        <p class="utrecht-paragraph">Er is niets te verwijderen.</p>
      ) : (
        groups.map((g) => {
          const lines = props.lines.filter((l) => l.action === g);
          if (!lines.length) return null;
          return (
            <section key={g} aria-label={ACTION_TEXT[g]}>
              <h3 class="utrecht-heading-3">{ACTION_TEXT[g]}</h3>
              <ul class="utrecht-unordered-list">
                {lines.map((l, i) => (
                  <li key={`${g}-${i}`}>
                    {l.source}: {l.count} × {l.what}
                    {l.why ? ` — omdat ${l.why}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
      {hard.map((b) => (
        <Notice key={b.text} kind="warning">
          {b.text}
        </Notice>
      ))}
      {props.lines.length > 0 && hard.length === 0 && (
        <form method="post" action="/beheer/privacy/verwijderen" class="mkb-form" novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="email" value={props.email} />
          {replacements.map((b) => {
            const r = b.replacementFor;
            if (!r) return null;
            const key = `vervanging-${r.registrationId}`;
            return (
              <fieldset key={key} class="utrecht-form-fieldset mkb-fieldset">
                <legend class="utrecht-form-fieldset__legend">
                  Vervangende contactpersoon voor {r.title} ({r.reference})
                </legend>
                <p class="utrecht-paragraph">{b.text}</p>
                <TextField name={`${key}-naam`} label="Naam" value={v[`${key}-naam`]} errors={props.errors} required maxLength={200} />
                <TextField
                  name={`${key}-email`}
                  label="E-mailadres"
                  type="email"
                  value={v[`${key}-email`]}
                  errors={props.errors}
                  required
                  maxLength={320}
                />
                <TextField
                  name={`${key}-telefoon`}
                  label="Telefoonnummer"
                  type="tel"
                  value={v[`${key}-telefoon`]}
                  errors={props.errors}
                  maxLength={40}
                />
              </fieldset>
            );
          })}
          <ChoiceGroup
            name="bevestig"
            legend="Controle"
            type="checkbox"
            options={[
              { value: 'ja', label: 'Ik heb het verzoek en de identiteit van de aanvrager gecontroleerd; verwijder deze gegevens.' },
            ]}
            value={v.bevestig}
            errors={props.errors}
          />
          <Button>Gegevens verwijderen</Button>
        </form>
      )}
    </BackOfficePage>
  );
}
