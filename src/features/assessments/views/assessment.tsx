import { formatDateTime } from '../../../platform/time.ts';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Heading1,
  Notice,
  TableScroll,
  TextArea,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { PARTICIPATION, stateLabel } from '../../registrations/index.ts';
import type { assessmentPage } from '../page.ts';
import { CRITERION_STEPS, RECOMMENDATION_LABELS, RECOMMENDATIONS, VERDICT_LABELS, VERDICTS } from '../rules.ts';
import { DecisionSection } from './decision.tsx';

type Data = Awaited<ReturnType<typeof assessmentPage>>;
type Values = Record<string, string | string[]>;

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export function AssessmentPage(props: {
  ctx: PageContext;
  data: Data;
  /** The answers per step, rendered once (routes.tsx): `<Answers>` for each section. */
  answersHtml: Record<string, string>;
  values?: Values;
  decision?: Values;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { ctx, data } = props;
  const { reg } = data;
  const base = `/beheer/aanmeldingen/${reg.id}`;
  const mine = data.myAssessment;
  const values: Values = props.values ?? {
    ...Object.fromEntries(
      CRITERION_STEPS.flatMap((c) => [
        [`verdict_${c.code}`, mine?.verdicts[c.code]?.verdict ?? ''],
        [`explanation_${c.code}`, mine?.verdicts[c.code]?.explanation ?? ''],
      ]),
    ),
    recommendation: mine?.recommendation ?? '',
    proposed_participation: mine?.proposedParticipation ?? '',
    summary: mine?.summary ?? '',
  };
  const decision: Values = props.decision ?? {};
  const canAssess = reg.state === 'submitted' || reg.state === 'in_review';
  const otherSections = data.sections.filter((s) => !CRITERION_STEPS.some((c) => c.slug === s.slug));
  return (
    <Layout ctx={ctx} title={`${props.errors?.length ? 'Fout: ' : ''}Beoordelen ${reg.reference ?? ''}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/aanmeldingen">
          Terug naar de aanmeldingen
        </a>
      </p>
      <Heading1>
        {reg.reference} · {reg.title ?? 'Zonder naam'}
      </Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      <table class="mkb-table mkb-facts">
        <tbody>
          <tr>
            <th scope="row">Hogeschool</th>
            <td>{data.institutionName}</td>
          </tr>
          <tr>
            <th scope="row">Status</th>
            <td>{stateLabel(reg.state, reg.participation)}</td>
          </tr>
          <tr>
            <th scope="row">Versie</th>
            <td>
              {reg.version}
              {reg.submittedAt && `, ingediend ${formatDateTime(reg.submittedAt)}`}
            </td>
          </tr>
        </tbody>
      </table>
      {(reg.state === 'accepted' || reg.state === 'participant') && (
        <p class="utrecht-paragraph">
          <a href={`/beheer/netwerk/routes/${reg.id}`}>Passende partners uit het netwerk</a> — met wat wel en niet past, en kennismakingen.
        </p>
      )}

      <section aria-labelledby="toewijzen-titel">
        <h2 class="utrecht-heading-2" id="toewijzen-titel">
          Beoordelaars
        </h2>
        {data.suggestion && (
          <p class="utrecht-paragraph">
            Voorstel: <strong>{data.suggestion.name}</strong> (minst belast, geen mogelijk belang).
          </p>
        )}
        <form method="post" action={`${base}/toewijzen`}>
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="utrecht-form-fieldset mkb-fieldset">
            <legend class="utrecht-form-fieldset__legend">Wie beoordeelt deze aanmelding?</legend>
            {data.members.map((m) => (
              <div class="mkb-choice" key={m.id}>
                <input type="checkbox" id={`lid-${m.id}`} name="members" value={m.id} checked={m.assigned} />
                <label for={`lid-${m.id}`}>
                  {m.name} <span class="mkb-meta">({m.load} open)</span>
                  {m.conflicts.length > 0 && (
                    <span class={m.dismissed ? 'mkb-meta' : 'mkb-flag'}>
                      {' '}
                      · mogelijk belang: {m.conflicts.join('; ')}
                      {m.dismissed && ` (afgedaan: ${m.dismissed})`}
                    </span>
                  )}
                </label>
              </div>
            ))}
          </fieldset>
          <Button secondary>Beoordelaars opslaan</Button>
        </form>
        {data.members
          .filter((m) => m.conflicts.length > 0 && !m.dismissed)
          .map((m) => (
            <form method="post" action={`${base}/belang`} class="mkb-form mkb-inline-form" key={m.id}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="member" value={m.id} />
              <p class="utrecht-form-field__label">
                <label class="utrecht-form-label" for={`reden-${m.id}`}>
                  Belang van {m.name} afdoen: waarom is het geen bezwaar?
                </label>
              </p>
              <input class="utrecht-textbox utrecht-textbox--html-input" id={`reden-${m.id}`} name="reason" maxLength={1000} />
              <Button secondary>Afdoen</Button>
            </form>
          ))}
        {reg.state === 'submitted' && (
          <form method="post" action={`${base}/starten`}>
            <CsrfField token={ctx.csrfToken} />
            <Button secondary>Beoordeling starten</Button>
          </form>
        )}
      </section>

      {data.changed && (
        <section aria-labelledby="wijzigingen-titel">
          <h2 class="utrecht-heading-2" id="wijzigingen-titel">
            Gewijzigd sinds versie {data.lastSeen}
          </h2>
          {data.changed.length === 0 ? (
            <p class="utrecht-paragraph">Geen wijzigingen.</p>
          ) : (
            <TableScroll label="Wijzigingen">
              <table class="mkb-table mkb-changes">
                <thead>
                  <tr>
                    <th scope="col">Onderdeel</th>
                    <th scope="col">Vraag</th>
                    <th scope="col">Was</th>
                    <th scope="col">Is nu</th>
                  </tr>
                </thead>
                <tbody>
                  {data.changed.map((c) => (
                    <tr key={`${c.step}-${c.label}`}>
                      <td>{c.step}</td>
                      <td>{c.label}</td>
                      <td>
                        <del>{c.before}</del>
                      </td>
                      <td>
                        <ins>{c.after}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      )}

      <section aria-labelledby="beoordeling-titel">
        <h2 class="utrecht-heading-2" id="beoordeling-titel">
          Beoordeling per criterium
        </h2>
        {data.othersHidden > 0 && (
          <Notice>
            {data.othersHidden === 1 ? 'Er is 1 andere beoordeling' : `Er zijn ${data.othersHidden} andere beoordelingen`}. Je ziet ze nadat
            je je eigen beoordeling hebt ingediend.
          </Notice>
        )}
        {data.mySubmitted && <Notice kind="ok">Je beoordeling van versie {reg.version} is ingediend.</Notice>}
        <form method="post" action={`${base}/beoordeling`} class="mkb-assessment" noValidate>
          <CsrfField token={ctx.csrfToken} />
          {CRITERION_STEPS.map((c) => (
            <div class="mkb-criterion" key={c.code}>
              <div>
                <h3 class="utrecht-heading-3">{c.title}</h3>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by <Answers> in routes.tsx (Preact escapes every value) */}
                <div dangerouslySetInnerHTML={{ __html: props.answersHtml[c.slug] ?? '' }} />
              </div>
              <div>
                {data.mySubmitted || !canAssess ? (
                  <p>
                    <strong>{VERDICT_LABELS[mine?.verdicts[c.code]?.verdict as keyof typeof VERDICT_LABELS] ?? 'Geen oordeel'}</strong>
                    {mine?.verdicts[c.code]?.explanation && <span class="mkb-pre">: {mine.verdicts[c.code]?.explanation}</span>}
                  </p>
                ) : (
                  <>
                    <ChoiceGroup
                      name={`verdict_${c.code}`}
                      legend={`Oordeel ${c.code}`}
                      options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))}
                      value={str(values[`verdict_${c.code}`])}
                      errors={props.errors}
                    />
                    <TextArea
                      name={`explanation_${c.code}`}
                      label={`Toelichting ${c.code}`}
                      when="verplicht bij elk oordeel behalve ‘voldoet’"
                      hint="Bij ‘voldoet deels’ en ‘onduidelijk’ gaat deze toelichting letterlijk naar de hogeschool: in de agenda van het startgesprek en in de agenda-uitnodiging (.ics)."
                      rows={3}
                      value={str(values[`explanation_${c.code}`])}
                      errors={props.errors}
                    />
                  </>
                )}
                {data.others.map((o) => (
                  <p class="mkb-meta" key={o.assessorId}>
                    {o.assessor}: {VERDICT_LABELS[o.verdicts[c.code]?.verdict as keyof typeof VERDICT_LABELS] ?? 'geen oordeel'}
                    {o.verdicts[c.code]?.explanation ? ` — ${o.verdicts[c.code]?.explanation}` : ''}
                  </p>
                ))}
              </div>
            </div>
          ))}
          {!data.mySubmitted && canAssess && (
            <>
              <ChoiceGroup
                name="recommendation"
                legend="Advies"
                options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
                value={str(values.recommendation)}
                errors={props.errors}
              />
              <ChoiceGroup
                name="proposed_participation"
                legend="Voorgestelde deelname (bij toelaten)"
                options={PARTICIPATION}
                value={str(values.proposed_participation)}
                errors={props.errors}
              />
              <TextArea name="summary" label="Samenvatting" rows={3} value={str(values.summary)} errors={props.errors} />
              <div class="mkb-actions">
                <Button name="actie" value="indienen">
                  Beoordeling indienen
                </Button>
                <Button name="actie" value="concept" secondary>
                  Concept opslaan
                </Button>
              </div>
            </>
          )}
          {data.others.map((o) => (
            <p key={o.assessorId}>
              Advies van {o.assessor}: <strong>{o.recommendation ? RECOMMENDATION_LABELS[o.recommendation] : '–'}</strong>
              {o.summary && <span class="mkb-pre"> — {o.summary}</span>}
            </p>
          ))}
        </form>
      </section>

      <section aria-labelledby="overig-titel">
        <h2 class="utrecht-heading-2" id="overig-titel">
          Overige antwoorden
        </h2>
        {otherSections.map((s) => (
          <div key={s.slug}>
            <h3 class="utrecht-heading-3">{s.title}</h3>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by <Answers> in routes.tsx (Preact escapes every value) */}
            <div dangerouslySetInnerHTML={{ __html: props.answersHtml[s.slug] ?? '' }} />
          </div>
        ))}
      </section>

      {reg.state === 'in_review' && <DecisionSection ctx={ctx} data={data} base={base} decision={decision} errors={props.errors} />}

      <section aria-labelledby="opmerkingen-titel">
        <h2 class="utrecht-heading-2" id="opmerkingen-titel">
          Interne opmerkingen
        </h2>
        <p class="mkb-meta">Alleen zichtbaar voor het programmateam.</p>
        <ul class="mkb-comments">
          {data.comments.map((c) => (
            <li key={c.id}>
              <p class="mkb-meta">
                {c.author}, {formatDateTime(c.at)}
              </p>
              <p class="mkb-pre">{c.body}</p>
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/opmerkingen`} class="mkb-form" noValidate>
          <CsrfField token={ctx.csrfToken} />
          <TextArea name="body" label="Nieuwe opmerking" rows={3} value={str(props.values?.body)} errors={props.errors} />
          <Button secondary>Opmerking plaatsen</Button>
        </form>
      </section>

      <section aria-labelledby="audit-titel">
        <h2 class="utrecht-heading-2" id="audit-titel">
          Verloop (audit)
        </h2>
        <TableScroll label="Verloop">
          <table class="mkb-table mkb-audit">
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
              </tr>
            </thead>
            <tbody>
              {data.trail.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    {e.label}
                    {e.detail && <span class="mkb-meta"> ({e.detail})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </Layout>
  );
}
