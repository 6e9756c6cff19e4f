import { LIMITS } from '../../../platform/limits.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Heading1,
  Notice,
  SelectField,
  TableScroll,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Option } from '../../reference/index.ts';
import { PLACEHOLDERS } from '../rules.ts';
import { TEMPLATE_BODY_MAX, TEMPLATE_SUBJECT_MAX } from '../schemas.ts';
import { TEMPLATE_LABELS, type TemplateKey } from '../templates.ts';

export function TemplatesPage({
  ctx,
  templates,
  saved,
}: {
  ctx: PageContext;
  templates: { key: TemplateKey; subject: string }[];
  saved: boolean;
}) {
  return (
    <BackOfficePage ctx={ctx} title="E-mailsjablonen">
      {saved && <Notice kind="ok">Het sjabloon is opgeslagen.</Notice>}
      <ul>
        {templates.map((t) => (
          <li key={t.key}>
            <a class="utrecht-link" href={`/beheer/sjablonen/${t.key}`}>
              {TEMPLATE_LABELS[t.key]}
            </a>{' '}
            <span class="mkb-meta">— {t.subject}</span>
          </li>
        ))}
      </ul>
    </BackOfficePage>
  );
}

export function TemplateEditPage(props: {
  ctx: PageContext;
  key_: TemplateKey;
  values: { subject: string; body: string };
  errors?: FieldErrors;
}) {
  return (
    <Layout ctx={props.ctx} title={`Sjabloon bewerken: ${TEMPLATE_LABELS[props.key_]}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/sjablonen">
          Terug naar de sjablonen
        </a>
      </p>
      <Heading1>{TEMPLATE_LABELS[props.key_]}</Heading1>
      <ErrorSummary errors={props.errors} />
      <form method="post" action={`/beheer/sjablonen/${props.key_}`} class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          name="subject"
          label="Onderwerp"
          required
          maxLength={TEMPLATE_SUBJECT_MAX}
          value={props.values.subject}
          errors={props.errors}
        />
        <TextArea
          name="body"
          label="Tekst"
          required
          rows={16}
          maxLength={TEMPLATE_BODY_MAX}
          value={props.values.body}
          errors={props.errors}
        />
        <Button>Opslaan</Button>
      </form>
      <h2 class="utrecht-heading-2">Invulplaatsen</h2>
      <TableScroll label="E-mailsjablonen">
        <table class="mkb-table">
          <tbody>
            {Object.entries(PLACEHOLDERS).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">
                  <code>{`{${k}}`}</code>
                </th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}

export function AffiliationsPage(props: {
  ctx: PageContext;
  affiliations: { id: string; kind: string; value: string }[];
  institutions: Option[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const label = (a: { kind: string; value: string }) =>
    a.kind === 'institution' ? (props.institutions.find((i) => i.value === a.value)?.label ?? a.value) : a.value;
  return (
    <BackOfficePage ctx={props.ctx} title="Mijn belangen">
      <p class="utrecht-paragraph mkb-lead">
        Geef aan met welke hogescholen en organisaties je verbonden bent. Bij het toewijzen van aanmeldingen wordt een mogelijk belang
        gemeld.
      </p>
      <ErrorSummary errors={props.errors} />
      {props.affiliations.length === 0 ? (
        <p class="utrecht-paragraph">Je hebt nog geen belangen opgegeven.</p>
      ) : (
        <ul>
          {props.affiliations.map((a) => (
            <li key={a.id}>
              {label(a)}{' '}
              <form method="post" action={`/beheer/belangen/${a.id}/verwijderen`} class="mkb-inline">
                <CsrfField token={props.ctx.csrfToken} />
                <button type="submit" class="mkb-link-button">
                  Verwijderen<span class="mkb-visually-hidden"> {label(a)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/beheer/belangen" class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <h2 class="utrecht-heading-2">Belang toevoegen</h2>
        <SelectField
          name="kind"
          label="Soort"
          required
          placeholder="Maak een keuze"
          options={[
            { value: 'institution', label: 'Hogeschool' },
            { value: 'organisation', label: 'Bedrijf of branchevereniging' },
          ]}
          value={props.values?.kind}
          errors={props.errors}
        />
        <SelectField
          name="institution"
          label="Hogeschool"
          placeholder="Kies een hogeschool"
          options={props.institutions}
          value={props.values?.institution}
          errors={props.errors}
        />
        <TextField
          name="organisation"
          label="Naam van het bedrijf of de branchevereniging"
          maxLength={LIMITS.short}
          value={props.values?.organisation}
          errors={props.errors}
        />
        <Button>Toevoegen</Button>
      </form>
    </BackOfficePage>
  );
}
