import { formatDateTime } from '../../../platform/time.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  Heading1,
  Notice,
  TableScroll,
  TextArea,
  TextField,
} from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { PAGE_BODY_MAX, PAGE_SUMMARY_MAX, PAGE_TITLE_MAX } from '../schemas.ts';
import { type ContentPage, PAGE_PATHS, type PageListItem } from '../service.ts';
import { PreviewView } from './public.tsx';

/** The /beheer block with the site's pages; above the menu, the notice that a page was saved. */
export function SavedNotice({ pages, saved }: { pages: PageListItem[]; saved: string }) {
  const savedPage = pages.find((p) => p.slug === saved);
  return savedPage ? <Notice kind="ok">De pagina ‘{savedPage.title}’ is opgeslagen.</Notice> : null;
}

export function PagesSection({ pages }: { pages: PageListItem[] }) {
  return (
    <section aria-labelledby="paginas-titel">
      <h2 class="utrecht-heading-2" id="paginas-titel">
        Pagina’s van de website
      </h2>
      <TableScroll label="Pagina’s van de website">
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
      </TableScroll>
    </section>
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
