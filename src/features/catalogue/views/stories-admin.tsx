import { LIMITS } from '../../../platform/limits.ts';
import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import {
  Button,
  CsrfField,
  DateField,
  type FieldErrors,
  FileField,
  SelectField,
  TableScroll,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { Option } from '../../reference/index.ts';

type Values = Record<string, string>;

/** Removing: folded away at the end of an edit page, one deliberate button. */
function RemoveFold(props: { ctx: PageContext; action: string; what: string; explanation: string }) {
  return (
    <details class="mkb-fold">
      <summary>{props.what} verwijderen</summary>
      <form method="post" action={props.action} class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <p class="utrecht-paragraph">{props.explanation}</p>
        <Button secondary>{props.what} verwijderen</Button>
      </form>
    </details>
  );
}

export type StoryListItem = { id: string; title: string; person: string; route: string; publishedAt: string; consentDate: string };

/** /beheer/verhalen: the published stories (to edit or remove), then the form to add one. */
export function StoriesAdminPage(props: {
  ctx: PageContext;
  stories: StoryListItem[];
  routes: Option[];
  themes: Option[];
  values?: Values;
  errors?: FieldErrors;
  notice?: string;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Succesverhalen" notice={props.notice} errors={props.errors}>
      {props.stories.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn nog geen succesverhalen.</p>
      ) : (
        <TableScroll label="Gepubliceerde succesverhalen">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Verhaal</th>
                <th scope="col">Route</th>
                <th scope="col">Toestemming</th>
                <th scope="col">Gepubliceerd</th>
              </tr>
            </thead>
            <tbody>
              {props.stories.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a class="utrecht-link" href={`/beheer/verhalen/${s.id}`}>
                      {s.title}
                    </a>
                    <span class="mkb-visually-hidden"> (bewerken of verwijderen)</span>
                    <div class="mkb-meta">{s.person}</div>
                  </td>
                  <td>{s.route}</td>
                  <td>{s.consentDate.split('-').reverse().join('-')}</td>
                  <td>{formatDateTime(s.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="utrecht-heading-2">Succesverhaal toevoegen</h2>
      <StoryForm
        ctx={props.ctx}
        action="/beheer/verhalen"
        routes={props.routes}
        themes={props.themes}
        values={props.values}
        errors={props.errors}
      >
        <Button>Verhaal publiceren</Button>
      </StoryForm>
    </BackOfficePage>
  );
}

/** /beheer/verhalen/:id: the story's fields to change, and (folded) removing it. */
export function StoryEditPage(props: {
  ctx: PageContext;
  id: string;
  values: Values;
  hasImage: boolean;
  routes: Option[];
  themes: Option[];
  errors?: FieldErrors;
}) {
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Succesverhaal bewerken: ${props.values.title ?? ''}`}
      heading="Succesverhaal bewerken"
      back={{ href: '/beheer/verhalen', text: 'Terug naar de succesverhalen' }}
      errors={props.errors}
    >
      <StoryForm
        ctx={props.ctx}
        action={`/beheer/verhalen/${props.id}`}
        routes={props.routes}
        themes={props.themes}
        values={props.values}
        errors={props.errors}
        hasImage={props.hasImage}
      >
        <Button>Wijzigingen publiceren</Button>
      </StoryForm>
      <RemoveFold
        ctx={props.ctx}
        action={`/beheer/verhalen/${props.id}/verwijderen`}
        what="Verhaal"
        explanation="Het verhaal verdwijnt meteen van de website: de eigen pagina, het overzicht, de routepagina en de feed. De vastgelegde toestemming blijft bewaard."
      />
    </BackOfficePage>
  );
}

function StoryForm(props: {
  ctx: PageContext;
  action: string;
  routes: Option[];
  themes: Option[];
  values?: Values;
  errors?: FieldErrors;
  hasImage?: boolean;
  children: preact.ComponentChildren;
}) {
  const v = props.values ?? {};
  return (
    <form method="post" action={props.action} class="mkb-form" enctype="multipart/form-data" noValidate>
      <CsrfField token={props.ctx.csrfToken} />
      <SelectField
        name="route"
        label="Route"
        required
        placeholder="Kies een route"
        options={props.routes}
        value={v.route}
        errors={props.errors}
      />
      <TextField name="title" label="Titel" required maxLength={LIMITS.short} value={v.title} errors={props.errors} />
      <TextArea name="quote" label="Citaat" rows={2} value={v.quote} errors={props.errors} />
      <TextField name="person" label="Naam van de persoon" required maxLength={LIMITS.short} value={v.person} errors={props.errors} />
      <TextField name="role" label="Rol" required maxLength={LIMITS.short} value={v.role} errors={props.errors} />
      <TextField name="organisation" label="Organisatie" required maxLength={LIMITS.short} value={v.organisation} errors={props.errors} />
      <DateField
        name="consent_date"
        label="Datum van de toestemming"
        hint="De dag waarop de persoon toestemming gaf voor naam, citaat en foto."
        required
        value={v.consent_date}
        errors={props.errors}
      />
      <TextField
        name="consent_note"
        label="Hoe is de toestemming vastgelegd?"
        hint="Bijvoorbeeld: e-mail van 3 maart, in het dossier."
        required
        maxLength={LIMITS.line}
        value={v.consent_note}
        errors={props.errors}
      />
      <SelectField name="theme" label="Thema" placeholder="Geen thema" options={props.themes} value={v.theme} errors={props.errors} />
      <TextArea name="body" label="Verhaal (Markdown)" required rows={10} value={v.body} errors={props.errors} />
      <FileField
        name="image"
        label={props.hasImage ? 'Andere foto (niet verplicht)' : 'Foto (niet verplicht)'}
        hint={
          props.hasImage
            ? 'Er staat nu een foto bij het verhaal. Kies een bestand om die te vervangen.'
            : 'Jpg, png of webp, hoogstens 8 MB.'
        }
        accept="image/*"
        errors={props.errors}
      />
      {props.hasImage && (
        <div class="mkb-choice">
          <input type="checkbox" id="veld-remove_image" name="remove_image" value="ja" checked={v.remove_image === 'ja'} />
          <label for="veld-remove_image">De foto weghalen</label>
        </div>
      )}
      <TextField
        name="image_alt"
        label="Beschrijving van de foto (alt-tekst)"
        when="verplicht bij een foto"
        hint="Wat staat erop?"
        maxLength={LIMITS.address}
        value={v.image_alt}
        errors={props.errors}
      />
      {props.children}
    </form>
  );
}

export type AssetListItem = { id: string; title: string; filename: string; createdAt: string };

/** /beheer/toolkit: the files in the toolkit (to edit or remove), then the form to add one. */
export function ToolkitAdminPage(props: {
  ctx: PageContext;
  assets: AssetListItem[];
  values?: Values;
  errors?: FieldErrors;
  notice?: string;
}) {
  const v = props.values ?? {};
  return (
    <BackOfficePage ctx={props.ctx} title="Communicatiemiddelen" notice={props.notice} errors={props.errors}>
      {props.assets.length === 0 ? (
        <p class="utrecht-paragraph">Er staan nog geen bestanden in de toolkit.</p>
      ) : (
        <TableScroll label="Bestanden in de toolkit">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Bestand</th>
                <th scope="col">Toegevoegd</th>
              </tr>
            </thead>
            <tbody>
              {props.assets.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a class="utrecht-link" href={`/beheer/toolkit/${a.id}`}>
                      {a.title}
                    </a>
                    <span class="mkb-visually-hidden"> (bewerken of verwijderen)</span>
                  </td>
                  <td>{a.filename}</td>
                  <td>{formatDateTime(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="utrecht-heading-2">Bestand toevoegen</h2>
      <form method="post" action="/beheer/toolkit" class="mkb-form" enctype="multipart/form-data" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="title" label="Titel" required maxLength={LIMITS.short} value={v.title} errors={props.errors} />
        <TextArea name="description" label="Omschrijving" required rows={3} value={v.description} errors={props.errors} />
        <FileField name="file" label="Bestand" hint="Pdf, png, jpg, svg of zip; hoogstens 10 MB." errors={props.errors} />
        <Button>Toevoegen</Button>
      </form>
    </BackOfficePage>
  );
}

/** /beheer/toolkit/:id: title, description, another file, and (folded) removing it. */
export function AssetEditPage(props: { ctx: PageContext; id: string; filename: string; values: Values; errors?: FieldErrors }) {
  const v = props.values;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Communicatiemiddel bewerken: ${v.title ?? ''}`}
      heading="Communicatiemiddel bewerken"
      back={{ href: '/beheer/toolkit', text: 'Terug naar de communicatiemiddelen' }}
      errors={props.errors}
    >
      <form method="post" action={`/beheer/toolkit/${props.id}`} class="mkb-form" enctype="multipart/form-data" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="title" label="Titel" required maxLength={LIMITS.short} value={v.title} errors={props.errors} />
        <TextArea name="description" label="Omschrijving" required rows={3} value={v.description} errors={props.errors} />
        <FileField
          name="file"
          label="Ander bestand (niet verplicht)"
          hint={`Nu: ${props.filename}. Kies een bestand (pdf, png, jpg, svg of zip; hoogstens 10 MB) om het te vervangen.`}
          errors={props.errors}
        />
        <Button>Wijzigingen opslaan</Button>
      </form>
      <RemoveFold
        ctx={props.ctx}
        action={`/beheer/toolkit/${props.id}/verwijderen`}
        what="Bestand"
        explanation="Het bestand verdwijnt meteen uit de toolkit op de website; wie de downloadlink heeft, krijgt een melding dat het er niet meer is."
      />
    </BackOfficePage>
  );
}
