import { formatDateTime } from '../../../platform/time.ts';
import { Button, CsrfField, ErrorSummary, type FieldErrors, Heading1, Notice, TextArea, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { PAGE_BODY_MAX, PAGE_SUMMARY_MAX, PAGE_TITLE_MAX } from '../schemas.ts';
import { type ContentPage, PAGE_PATHS, type PageListItem } from '../service.ts';
import { PreviewView } from './public.tsx';

export function BackOfficeHome({ ctx, pages, saved }: { ctx: PageContext; pages: PageListItem[]; saved: string | null }) {
  const savedPage = saved ? pages.find((p) => p.slug === saved) : undefined;
  return (
    <Layout ctx={ctx} title="Beheer">
      <Heading1>Beheer</Heading1>
      {savedPage && <Notice kind="ok">De pagina ‘{savedPage.title}’ is opgeslagen.</Notice>}
      <ul class="mkb-cards">
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/aanmeldingen">
              Aanmeldingen beoordelen
            </a>
          </h2>
          <p>Wachtrij, toewijzen, beoordelen en besluiten.</p>
        </li>
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/startgesprekken">
              Startgesprekken
            </a>
          </h2>
          <p>Tijden publiceren, geplande gesprekken en verslagen.</p>
        </li>
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/routes">
              Routes in het overzicht
            </a>
          </h2>
          <p>Zichtbaarheid van toegelaten routes.</p>
        </li>
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/verhalen">
              Succesverhalen
            </a>
          </h2>
          <p>Een verhaal bij een route publiceren.</p>
        </li>
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/toolkit">
              Communicatiemiddelen
            </a>
          </h2>
          <p>Bestanden voor de toolkit.</p>
        </li>
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/sjablonen">
              E-mailsjablonen
            </a>
          </h2>
          <p>De teksten van de besluitmails.</p>
        </li>
        <li class="mkb-card">
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href="/beheer/belangen">
              Mijn belangen
            </a>
          </h2>
          <p>Voor het melden van mogelijke belangenverstrengeling.</p>
        </li>
      </ul>
      <h2 class="utrecht-heading-2">Pagina’s van de website</h2>
      <table class="mkb-table">
        <thead>
          <tr>
            <th scope="col">Pagina</th>
            <th scope="col">Adres</th>
            <th scope="col">Laatst gewijzigd</th>
            <th scope="col">
              <span class="mkb-visually-hidden">Actie</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pages.map((p) => (
            <tr key={p.slug}>
              <td>{p.title}</td>
              <td>
                <a class="utrecht-link" href={PAGE_PATHS[p.slug] ?? '/'}>
                  {PAGE_PATHS[p.slug] ?? '/'}
                </a>
              </td>
              <td>
                {formatDateTime(p.updatedAt)}
                {p.updatedBy ? ` door ${p.updatedBy}` : ''}
              </td>
              <td>
                <a class="utrecht-link" href={`/beheer/paginas/${p.slug}`}>
                  Bewerken<span class="mkb-visually-hidden"> {p.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function EditPageView(props: {
  ctx: PageContext;
  slug: string;
  values: { title: string; summary: string; body: string };
  errors?: FieldErrors;
  preview?: ContentPage;
}) {
  const { ctx, slug, values, errors } = props;
  return (
    <Layout ctx={ctx} title={`Pagina bewerken: ${values.title || slug}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer">
          Terug naar beheer
        </a>
      </p>
      <Heading1>Pagina bewerken</Heading1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/beheer/paginas/${slug}`} class="mkb-form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label="Titel" required maxLength={PAGE_TITLE_MAX} value={values.title} errors={errors} />
        <TextArea
          name="summary"
          label="Korte inleiding"
          required
          rows={3}
          maxLength={PAGE_SUMMARY_MAX}
          hint="Staat groot bovenaan de pagina, onder de titel."
          value={values.summary}
          errors={errors}
        />
        <TextArea
          name="body"
          label="Tekst"
          required
          maxLength={PAGE_BODY_MAX}
          hint="In Markdown: ## voor een tussenkop, - voor een opsomming, [tekst](https://…) voor een link."
          value={values.body}
          errors={errors}
        />
        <div class="mkb-actions">
          <Button name="actie" value="opslaan">
            Opslaan
          </Button>
          <Button name="actie" value="voorbeeld" secondary>
            Voorbeeld bekijken
          </Button>
        </div>
      </form>
      {props.preview && <PreviewView page={props.preview} />}
    </Layout>
  );
}
