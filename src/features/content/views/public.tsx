import type { VNode } from 'preact';
import { Heading1, TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { Criterion } from '../../reference/index.ts';
import type { ContentPage } from '../service.ts';

/** Sanitised HTML from our Markdown helper; the only place content HTML is put in a page. */
export function Prose({ html }: { html: string }) {
  return <div class="mkb-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function ContentPageView({ ctx, page, appendix }: { ctx: PageContext; page: ContentPage; appendix?: VNode | null }) {
  return (
    <Layout ctx={ctx} title={page.title} description={page.summary}>
      <Heading1>{page.title}</Heading1>
      <p class="utrecht-paragraph mkb-lead">{page.summary}</p>
      <Prose html={page.bodyHtml} />
      {appendix}
    </Layout>
  );
}

const HOME_CARDS = [
  { href: '/programma', title: 'Het programma', text: 'Wie erachter zitten, wat we willen bereiken en voor wie.' },
  { href: '/criteria', title: 'De vijf criteria', text: 'Wanneer een opleiding een Mkb-route in het hbo is.' },
  { href: '/aanbod', title: 'Wat we bieden', text: 'Ondersteuning, verbinding, kennis en zichtbaarheid.' },
  { href: '/deelnemen', title: 'Deelnemen', text: 'Als pilot-, ontwikkel- of kennispartner.' },
];

export function HomeView({ ctx, page, sections = [] }: { ctx: PageContext; page: ContentPage; sections?: (VNode | null)[] }) {
  return (
    <Layout ctx={ctx} title={page.title} description={page.summary}>
      <div class="mkb-hero">
        <Heading1>{page.title}</Heading1>
        <p class="utrecht-paragraph mkb-lead">{page.summary}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/deelnemen">
            Zo meldt u een route aan
          </a>
        </p>
      </div>
      {sections}
      <ul class="mkb-cards">
        {HOME_CARDS.map((c) => (
          <li class="mkb-card" key={c.href}>
            <h2 class="utrecht-heading-3">
              <a class="utrecht-link" href={c.href}>
                {c.title}
              </a>
            </h2>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
      <Prose html={page.bodyHtml} />
    </Layout>
  );
}

export function CriteriaView({ ctx, page, criteria }: { ctx: PageContext; page: ContentPage; criteria: Criterion[] }) {
  return (
    <Layout ctx={ctx} title={page.title} description={page.summary}>
      <Heading1>{page.title}</Heading1>
      <p class="utrecht-paragraph mkb-lead">{page.summary}</p>
      <ol class="mkb-criteria">
        {criteria.map((c, i) => (
          <li key={c.code}>
            <h2>
              {i + 1}. {c.title}
            </h2>
            <p>{c.description}</p>
          </li>
        ))}
      </ol>
      <Prose html={page.bodyHtml} />
    </Layout>
  );
}

export function PreviewView({ page }: { page: ContentPage }) {
  return (
    <section aria-labelledby="voorbeeld-titel" class="mkb-card">
      <h2 class="utrecht-heading-2" id="voorbeeld-titel">
        Voorbeeld (nog niet opgeslagen)
      </h2>
      <p class="utrecht-paragraph mkb-lead">{page.summary}</p>
      <Prose html={page.bodyHtml} />
    </section>
  );
}

/** The retention periods in force, below the privacy statement (from the settings, so the page and the platform agree). */
export function RetentionTable({ rows }: { rows: { key: string; label: string; period: number; unit: string; action: string }[] }) {
  return (
    <section aria-labelledby="bewaartermijnen">
      <h2 class="utrecht-heading-2" id="bewaartermijnen">
        Bewaartermijnen
      </h2>
      <p class="utrecht-paragraph">Deze termijnen gelden nu; het platform past ze elke nacht zelf toe.</p>
      <TableScroll label="Bewaartermijnen">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Gegevens</th>
              <th scope="col">Termijn</th>
              <th scope="col">Daarna</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>
                  {r.period} {r.unit}
                </td>
                <td>{r.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
