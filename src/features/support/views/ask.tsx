import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  FileField,
  Heading1,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { SUBJECT_MAX } from '../rules.ts';

export function AskPage(props: {
  ctx: PageContext;
  routes: { value: string; label: string }[];
  themes: { value: string; label: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const v = props.values;
  return (
    <Layout ctx={props.ctx} title="Ondersteuning vragen">
      <p class="mkb-meta">
        <a class="utrecht-link" href="/mijn">
          Terug naar Mijn omgeving
        </a>
      </p>
      <ErrorSummary errors={props.errors} />
      <Heading1>Ondersteuning vragen</Heading1>
      <p class="utrecht-paragraph">
        Een adviseur van het programmateam neemt uw vraag op. U krijgt een bevestiging per mail; op die mail kunt u ook gewoon antwoorden.
      </p>
      <form method="post" action="/mijn/ondersteuning/nieuw" enctype="multipart/form-data" class="mkb-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="condition" value={v.condition ?? ''} />
        <SelectField
          name="route"
          label="Voor welke route?"
          value={v.route}
          options={props.routes}
          placeholder="Kies de route"
          errors={props.errors}
          required
        />
        <SelectField
          name="theme"
          label="Thema"
          value={v.theme}
          options={props.themes}
          placeholder="Kies het thema"
          errors={props.errors}
          required
        />
        <TextField name="subject" label="Korte titel" value={v.subject} errors={props.errors} maxLength={SUBJECT_MAX} required />
        <TextArea
          name="question"
          label="Uw vraag"
          hint="Wat wilt u bereiken, en wat heeft u al geprobeerd?"
          value={v.question}
          errors={props.errors}
          maxLength={5000}
          rows={8}
          required
        />
        <FileField
          name="bijlage"
          label="Bijlage (niet verplicht)"
          hint="Een pdf, afbeelding (png, jpg) of Word-document (docx), hoogstens 10 MB."
          accept=".pdf,.png,.jpg,.jpeg,.docx"
          errors={props.errors}
        />
        <Button>Vraag versturen</Button>
      </form>
    </Layout>
  );
}
