import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  DateField,
  type FieldErrors,
  FileField,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Prose } from '../../content/index.ts';
import { AUDIENCES, type Option } from '../../reference/index.ts';
import { formatDate } from '../messages.ts';
import { BODY_MAX, ITEM_KINDS, type ItemKind, SUMMARY_MAX, TITLE_MAX } from '../rules.ts';
import type { Overlap } from '../service.ts';

export type FormOptions = { themes: Option[]; criteria: Option[]; parts: Option[]; team: Option[] };

export function ItemFormPage(props: {
  ctx: PageContext;
  kind: ItemKind;
  id: string | null;
  values: Record<string, string | string[]>;
  options: FormOptions;
  errors?: FieldErrors;
  notice?: string | null;
  overlap?: Overlap | null;
  preview?: string | null;
  state?: {
    published: boolean;
    latest: number;
    publishedRevision: number | null;
    slug: string;
    reviewedOn: string | null;
    reviewReason: string | null;
  };
  file?: { filename: string; size: number } | null;
}) {
  const v = props.values;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const list = (k: string) => [v[k] ?? []].flat() as string[];
  const kind = ITEM_KINDS[props.kind];
  const action = props.id ? `/beheer/kennis/${props.id}` : `/beheer/kennis/nieuw?soort=${props.kind}`;
  const title = props.id ? `${kind.label} bewerken` : `Nieuw: ${kind.label.toLowerCase()}`;
  const s = props.state;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={title}
      back={{ href: '/beheer/kennis', text: 'Terug naar kennis en handreiking' }}
      notice={props.notice}
      errors={props.errors}
    >
      {props.overlap && (
        <Notice kind="warning">
          {props.overlap.by} sloeg op {formatDateTime(props.overlap.at)} versie {props.overlap.number} op, nadat u begon. Beide versies
          staan in de{' '}
          <a class="utrecht-link" href={`/beheer/kennis/${props.id}/versies`}>
            geschiedenis
          </a>
          ; de uwe is nu de nieuwste. Vergelijk ze en zet zo nodig een versie terug.
        </Notice>
      )}
      {s && (
        <p class="mkb-meta">
          {s.published
            ? `Gepubliceerd (versie ${s.publishedRevision}) op ${kind.path}/${s.slug}.`
            : 'Niet gepubliceerd: alleen het team ziet dit.'}{' '}
          Nieuwste versie: {s.latest}.{' '}
          <a class="utrecht-link" href={`/beheer/kennis/${props.id}/versies`}>
            Geschiedenis
          </a>
        </p>
      )}
      {s?.reviewReason && <Notice kind="warning">Beoordeling nodig: {s.reviewReason}</Notice>}
      {props.preview && (
        <section aria-labelledby="voorbeeld" class="mkb-preview">
          <h2 class="utrecht-heading-2" id="voorbeeld">
            Voorbeeld
          </h2>
          <Prose html={props.preview} />
        </section>
      )}
      <form method="post" action={action} enctype="multipart/form-data" class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="base" value={str('base') || '0'} />
        <input type="hidden" name="file_id" value={str('file_id')} />
        <TextField name="title" label="Titel" value={str('title')} maxLength={TITLE_MAX} required errors={props.errors} />
        <TextArea
          name="summary"
          label="Samenvatting"
          hint="Een of twee zinnen; staat in lijsten en zoekresultaten."
          value={str('summary')}
          maxLength={SUMMARY_MAX}
          rows={3}
          required
          errors={props.errors}
        />
        {props.kind === 'document' && (
          <FileField
            name="file"
            label={props.file ? `Pdf vervangen (nu: ${props.file.filename})` : 'Pdf'}
            hint="Alleen pdf, hoogstens 10 MB; gecontroleerd op de inhoud."
            accept="application/pdf"
            errors={props.errors}
          />
        )}
        <TextArea
          name="body"
          label={props.kind === 'document' ? 'Toelichting (Markdown)' : 'Tekst (Markdown)'}
          hint="Koppen met ## en ###, lijsten met -, tabellen met |, links met [tekst](adres). Een afbeelding voegt u hieronder toe."
          value={str('body')}
          maxLength={BODY_MAX}
          rows={18}
          required={props.kind !== 'document'}
          errors={props.errors}
        />
        {props.kind !== 'document' && (
          <fieldset class="utrecht-form-fieldset mkb-fieldset">
            <legend class="utrecht-form-fieldset__legend">Afbeelding toevoegen</legend>
            <FileField name="image" label="Afbeelding" hint="Jpg, png of webp, hoogstens 5 MB." accept="image/*" errors={props.errors} />
            <TextField
              name="image_alt"
              label="Beschrijving van de afbeelding"
              hint="Wat er te zien is, voor wie de afbeelding niet ziet. Verplicht bij een afbeelding."
              value={str('image_alt')}
              maxLength={300}
              errors={props.errors}
            />
            <Button secondary name="actie" value="afbeelding">
              Afbeelding in de tekst zetten
            </Button>
          </fieldset>
        )}
        <ChoiceGroup
          type="checkbox"
          name="audiences"
          legend="Voor wie"
          options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))}
          value={list('audiences')}
          errors={props.errors}
        />
        <ChoiceGroup
          type="checkbox"
          name="themes"
          legend="Thema’s"
          options={props.options.themes}
          value={list('themes')}
          errors={props.errors}
        />
        <ChoiceGroup
          type="checkbox"
          name="criteria"
          legend="Criteria waarover dit gaat"
          hint="Verandert de tekst van een criterium, dan wordt dit hoofdstuk gemarkeerd voor beoordeling."
          options={props.options.criteria}
          value={list('criteria')}
          errors={props.errors}
        />
        {props.kind === 'chapter' && (
          <fieldset class="utrecht-form-fieldset mkb-fieldset">
            <legend class="utrecht-form-fieldset__legend">Plaats in de handreiking en beoordeling</legend>
            <SelectField
              name="part"
              label="Deel"
              options={props.options.parts}
              placeholder="Kies een deel"
              value={str('part')}
              required
              errors={props.errors}
            />
            <TextField
              name="position"
              label="Plaats binnen het deel"
              hint="1 is het eerste hoofdstuk."
              value={str('position')}
              maxLength={6}
              required
              errors={props.errors}
            />
            <SelectField
              name="owner"
              label="Eigenaar"
              hint="Krijgt bericht als het hoofdstuk beoordeeld moet worden."
              options={props.options.team}
              placeholder="Geen eigenaar"
              value={str('owner')}
              errors={props.errors}
            />
            <DateField
              name="review_due"
              label="Volgende beoordeling"
              hint="Leeg: een jaar na de laatste beoordeling."
              value={str('review_due')}
              errors={props.errors}
            />
          </fieldset>
        )}
        <div class="mkb-button-row">
          <Button secondary name="actie" value="voorbeeld">
            Voorbeeld bekijken
          </Button>
          <Button secondary name="actie" value="concept">
            Opslaan als concept
          </Button>
          <Button name="actie" value="publiceren">
            Opslaan en publiceren
          </Button>
        </div>
      </form>
      {props.id && props.kind === 'chapter' && (
        <form method="post" action={`/beheer/kennis/${props.id}/beoordeeld`} class="mkb-form" noValidate>
          <CsrfField token={props.ctx.csrfToken} />
          <h2 class="utrecht-heading-2">Beoordeeld</h2>
          <p class="utrecht-paragraph">
            {s?.reviewedOn ? `Laatst beoordeeld op ${formatDate(s.reviewedOn)}. ` : ''}Klopt het hoofdstuk nog? Dan zet u hiermee de datum
            van vandaag en de volgende beoordeling over een jaar.
          </p>
          <Button secondary>Beoordeeld: het klopt nog</Button>
        </form>
      )}
      {props.id && s?.published && (
        <details class="mkb-fold">
          <summary>Depubliceren</summary>
          <form method="post" action={`/beheer/kennis/${props.id}/depubliceren`} class="mkb-form" noValidate>
            <CsrfField token={props.ctx.csrfToken} />
            <p class="utrecht-paragraph">
              Het stuk verdwijnt van de site, uit de zoekresultaten, de feed en de sitemap. Alle versies blijven bewaard.
            </p>
            <Button secondary>Depubliceren</Button>
          </form>
        </details>
      )}
    </BackOfficePage>
  );
}
