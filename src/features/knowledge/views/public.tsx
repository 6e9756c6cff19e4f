import type { ComponentChildren } from 'preact';
import { Heading1 } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Prose } from '../../content/index.ts';
import { AUDIENCES } from '../../reference/index.ts';
import type { GuidePart } from '../guide.ts';
import { formatDate } from '../messages.ts';
import type { PublicItem } from '../published.ts';
import type { Theme, themePage } from '../themes.ts';

type Link = { title: string; url: string; summary?: string };

function LinkList({ items, empty }: { items: Link[]; empty?: string }) {
  if (items.length === 0) return empty ? <p class="utrecht-paragraph mkb-meta">{empty}</p> : null;
  return (
    <ul class="mkb-link-list">
      {items.map((i) => (
        <li key={i.url}>
          <a class="utrecht-link" href={i.url}>
            {i.title}
          </a>
          {i.summary && <p class="mkb-meta">{i.summary}</p>}
        </li>
      ))}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The themes and audiences an item is for, in words. */
export function ItemFacts({ item, themes }: { item: PublicItem; themes: Theme[] }) {
  const names = item.themes.map((c) => themes.find((t) => t.code === c)).filter((t): t is Theme => Boolean(t));
  return (
    <dl class="mkb-facts">
      <dt>Voor</dt>
      <dd>{item.audiences.map((a) => AUDIENCES[a] ?? a).join(', ')}</dd>
      {names.length > 0 && (
        <>
          <dt>Thema’s</dt>
          <dd>
            {names.map((t, i) => (
              <span key={t.code}>
                {i > 0 && ', '}
                <a class="utrecht-link" href={`/kennis/${t.slug}`}>
                  {t.name}
                </a>
              </span>
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

function SearchBox() {
  return (
    <form method="get" action="/zoeken" class="mkb-search-inline">
      <label class="utrecht-form-label" for="kennis-zoek">
        Zoek in alle kennis
      </label>
      <input class="utrecht-textbox" type="search" id="kennis-zoek" name="q" maxLength={500} />
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        Zoeken
      </button>
    </form>
  );
}

export function KnowledgeHome(props: {
  ctx: PageContext;
  themes: Theme[];
  articles: PublicItem[];
  documents: PublicItem[];
  chapters: number;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title="Kennis"
      description="Kennis over werkend leren in het mkb: thema’s, de handreiking, artikelen en documenten."
    >
      <Heading1>Kennis</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Wat werkt bij werkend leren in het mkb, wat zijn de kaders en hoe richt u een route goed in? Hier staat wat hogescholen, bedrijven
        en branches samen hebben geleerd.
      </p>
      <SearchBox />
      <div class="mkb-hero">
        <h2 class="utrecht-heading-2">De handreiking</h2>
        <p class="utrecht-paragraph">
          {props.chapters} hoofdstukken over de vijf criteria en het inrichten van een route, elk met de datum waarop het voor het laatst is
          beoordeeld.
        </p>
        <p>
          <a class="utrecht-link" href="/handreiking">
            Naar de handreiking
          </a>
        </p>
      </div>
      <Section id="themas" title="Thema’s">
        <ul class="mkb-cards">
          {props.themes.map((t) => (
            <li class="mkb-card" key={t.code}>
              <h3 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/kennis/${t.slug}`}>
                  {t.name}
                </a>
              </h3>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="artikelen" title="Artikelen">
        <LinkList
          items={props.articles.map((a) => ({ title: a.title, url: a.url, summary: a.summary }))}
          empty="Er zijn nog geen artikelen."
        />
      </Section>
      <Section id="documenten" title="Documenten">
        <LinkList
          items={props.documents.map((a) => ({ title: a.title, url: a.url, summary: a.summary }))}
          empty="Er zijn nog geen documenten."
        />
      </Section>
    </Layout>
  );
}

export function ThemeView({ ctx, page }: { ctx: PageContext; page: Awaited<ReturnType<typeof themePage>> }) {
  const blocks: [string, string, Link[]][] = [
    ['handreiking', 'In de handreiking', page.chapters],
    ['artikelen', 'Artikelen', page.articles],
    ['documenten', 'Documenten', page.documents],
    ['verhalen', 'Succesverhalen', page.stories],
    ['routes', 'Routes die met dit thema werken', page.routes],
  ];
  const shown = blocks.filter(([, , items]) => items.length > 0);
  return (
    <Layout ctx={ctx} title={page.theme.name} description={page.theme.intro}>
      <p class="mkb-meta">
        <a class="utrecht-link" href="/kennis">
          Kennis
        </a>{' '}
        › thema
      </p>
      <Heading1>{page.theme.name}</Heading1>
      <Prose html={page.introHtml} />
      {shown.map(([id, title, items]) => (
        <Section key={id} id={id} title={title}>
          <LinkList items={items} />
        </Section>
      ))}
      {page.events.length > 0 && (
        <Section id="bijeenkomsten" title="Bijeenkomsten">
          <LinkList items={page.events.map((e) => ({ title: e.title, url: e.url, summary: e.when }))} />
        </Section>
      )}
      {shown.length === 0 && page.events.length === 0 && (
        <p class="utrecht-paragraph">Over dit thema is nog niets gepubliceerd. Kijk ook in de handreiking of zoek op een woord.</p>
      )}
    </Layout>
  );
}

export function ItemView(props: { ctx: PageContext; item: PublicItem; themes: Theme[]; file: { filename: string; size: number } | null }) {
  const { item } = props;
  const crumb = item.kind === 'document' ? 'document' : 'artikel';
  return (
    <Layout ctx={props.ctx} title={item.title} description={item.summary}>
      <p class="mkb-meta">
        <a class="utrecht-link" href="/kennis">
          Kennis
        </a>{' '}
        › {crumb}
      </p>
      <Heading1>{item.title}</Heading1>
      <p class="utrecht-paragraph mkb-lead">{item.summary}</p>
      <ItemFacts item={item} themes={props.themes} />
      {props.file && (
        <p class="mkb-download">
          <a class="utrecht-link" href={`${item.url}/bestand`}>
            {props.file.filename} downloaden
          </a>{' '}
          <span class="mkb-meta">(pdf, {Math.max(1, Math.round(props.file.size / 1024))} kB)</span>
        </p>
      )}
      <Prose html={item.bodyHtml} />
      <p class="mkb-meta">Gepubliceerd op {formatDate(item.publishedAt.slice(0, 10))}.</p>
    </Layout>
  );
}

const AUDIENCE_LINKS = Object.entries(AUDIENCES);

export function GuideView(props: { ctx: PageContext; parts: GuidePart[]; audience: string }) {
  const print = props.audience ? `/handreiking/afdrukken?doelgroep=${props.audience}` : '/handreiking/afdrukken';
  return (
    <Layout
      ctx={props.ctx}
      title="Handreiking"
      description="De handreiking Mkb-route in het hbo: wat werkt, de kaders en hoe u een route inricht."
    >
      <Heading1>Handreiking</Heading1>
      <p class="utrecht-paragraph mkb-lead">
        Wat werkt, wat zijn de kaders en randvoorwaarden, en hoe richt u een Mkb-route goed in? Elk hoofdstuk noemt wanneer het voor het
        laatst is beoordeeld.
      </p>
      <nav aria-label="Doelgroep" class="mkb-tabs">
        <a class="utrecht-link" href="/handreiking" aria-current={props.audience ? undefined : 'page'}>
          Alles
        </a>
        {AUDIENCE_LINKS.map(([code, label]) => (
          <a
            key={code}
            class="utrecht-link"
            href={`/handreiking?doelgroep=${code}`}
            aria-current={props.audience === code ? 'page' : undefined}
          >
            Voor {label.toLowerCase()}
          </a>
        ))}
      </nav>
      <p>
        <a class="utrecht-link" href={print}>
          {props.audience ? `Dit deel afdrukken (${AUDIENCES[props.audience]?.toLowerCase()})` : 'De hele handreiking afdrukken'}
        </a>
      </p>
      <h2 class="utrecht-heading-2">Inhoud</h2>
      {props.parts.length === 0 && <p class="utrecht-paragraph">Voor deze doelgroep zijn nog geen hoofdstukken gepubliceerd.</p>}
      <ol class="mkb-contents">
        {props.parts.map((p) => (
          <li key={p.code}>
            <h3 class="utrecht-heading-3">{p.title}</h3>
            <ol>
              {p.chapters.map((c) => (
                <li key={c.id}>
                  <a class="utrecht-link" href={c.url}>
                    {c.title}
                  </a>
                  <p class="mkb-meta">{c.summary}</p>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** "Laatst beoordeeld op … · volgende beoordeling …", on the page and in print. */
export function ReviewLine({ item }: { item: PublicItem }) {
  return (
    <p class="mkb-meta">
      {item.reviewedOn && `Laatst beoordeeld op ${formatDate(item.reviewedOn)}`}
      {item.reviewedOn && item.reviewDue && ' · '}
      {item.reviewDue && `volgende beoordeling ${formatDate(item.reviewDue)}`}
    </p>
  );
}

export function ChapterView(props: {
  ctx: PageContext;
  chapter: PublicItem;
  themes: Theme[];
  previous: PublicItem | null;
  next: PublicItem | null;
}) {
  const c = props.chapter;
  return (
    <Layout ctx={props.ctx} title={c.title} description={c.summary}>
      <p class="mkb-meta">
        <a class="utrecht-link" href="/handreiking">
          Handreiking
        </a>{' '}
        › {c.partTitle}
      </p>
      <Heading1>{c.title}</Heading1>
      <p class="utrecht-paragraph mkb-lead">{c.summary}</p>
      <ReviewLine item={c} />
      <ItemFacts item={c} themes={props.themes} />
      <Prose html={c.bodyHtml} />
      <nav aria-label="Vorige en volgende hoofdstuk" class="mkb-pager">
        {props.previous && (
          <a class="utrecht-link" href={props.previous.url} rel="prev">
            Vorige: {props.previous.title}
          </a>
        )}
        <a class="utrecht-link" href="/handreiking">
          Inhoud
        </a>
        {props.next && (
          <a class="utrecht-link" href={props.next.url} rel="next">
            Volgende: {props.next.title}
          </a>
        )}
      </nav>
    </Layout>
  );
}
