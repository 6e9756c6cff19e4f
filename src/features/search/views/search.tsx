import { Fragment } from 'preact';
import type { SnippetPart } from '../../../platform/dutch-search.ts';
import { Button, FilterSelect, Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { AUDIENCES, type Option } from '../../reference/index.ts';
import { KINDS, PER_PAGE, type SearchResult } from '../service.ts';

type Filters = { thema: string; doelgroep: string; soort: string };

function href(q: string, f: Filters, page = 1): string {
  const p = new URLSearchParams({ q });
  if (f.thema) p.set('thema', f.thema);
  if (f.doelgroep) p.set('doelgroep', f.doelgroep);
  if (f.soort) p.set('soort', f.soort);
  if (page > 1) p.set('pagina', String(page));
  return `/zoeken?${p.toString()}`;
}

export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p class="mkb-snippet">
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in their order
        p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </p>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  q: string;
  filters: Filters;
  ignored: string[];
  themes: Option[];
  result: SearchResult | null;
  page: number;
}) {
  const { q, filters, result } = props;
  const one = filters.soort ? result?.groups[0] : undefined;
  const pages = one ? Math.ceil(one.count / PER_PAGE) : 1;
  return (
    <Layout ctx={props.ctx} title={q ? `Zoeken: ${q.slice(0, 60)}` : 'Zoeken'}>
      <Heading1>Zoeken</Heading1>
      <form method="get" action="/zoeken" class="mkb-search">
        <div class="mkb-search__field">
          <label class="utrecht-form-label" for="zoek-q">
            Zoek in de handreiking, artikelen, documenten, verhalen en routes
          </label>
          <input class="utrecht-textbox" type="search" id="zoek-q" name="q" value={q} maxLength={500} aria-describedby="zoek-tip" />
          <p class="utrecht-form-field-description" id="zoek-tip">
            Woorden worden in alle vormen gevonden (bouwen vindt bouw). Zet een woordgroep tussen aanhalingstekens voor precies die
            volgorde, en een minteken voor een woord dat er niet in mag staan: <code>"leren en werken" -zorg</code>.
          </p>
        </div>
        <div class="mkb-filters">
          <FilterSelect name="thema" label="Thema" value={filters.thema} options={props.themes} />
          <FilterSelect
            name="doelgroep"
            label="Voor"
            value={filters.doelgroep}
            options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))}
          />
          <FilterSelect name="soort" label="Soort" value={filters.soort} options={KINDS.map((k) => ({ value: k.value, label: k.label }))} />
          <div class="mkb-filter mkb-filter--submit">
            <Button>Zoeken</Button>
          </div>
        </div>
      </form>
      {props.ignored.length > 0 && <Notice kind="warning">Niet herkende filters zijn genegeerd: {props.ignored.join(', ')}.</Notice>}
      {filters.doelgroep && !filters.soort && (
        <p class="mkb-meta">
          Routes en succesverhalen hebben geen doelgroep; met dit filter ziet u alleen kennis die voor deze doelgroep is geschreven.
        </p>
      )}
      {result && !result.query && (
        <Notice kind="info">Geef ten minste één woord op dat u zoekt; alleen woorden met een minteken ervoor sluiten iets uit.</Notice>
      )}
      {result?.query && (
        <section aria-labelledby="resultaten">
          <h2 class="utrecht-heading-2" id="resultaten" aria-live="polite">
            {result.total === 0
              ? `Niets gevonden voor “${q}”`
              : `${result.total} ${result.total === 1 ? 'resultaat' : 'resultaten'} voor “${q}”`}
          </h2>
          {result.total === 0 && <p class="utrecht-paragraph">Probeer minder of andere woorden, of haal een filter weg.</p>}
          {result.groups.map((g) => (
            <section key={g.kind} aria-labelledby={`groep-${g.kind}`} class="mkb-search-group">
              <h3 class="utrecht-heading-3" id={`groep-${g.kind}`}>
                {g.label} ({g.count})
              </h3>
              <ol class="mkb-search-hits">
                {g.hits.map((h) => (
                  <li key={h.id}>
                    <a class="utrecht-link" href={h.url}>
                      {h.title}
                    </a>
                    <Snippet parts={h.snippet} />
                  </li>
                ))}
              </ol>
              {!filters.soort && g.count > g.hits.length && (
                <p>
                  <a class="utrecht-link" href={href(q, { ...filters, soort: g.kind })}>
                    Alle {g.count} resultaten bij {g.label} tonen
                  </a>
                </p>
              )}
            </section>
          ))}
          {one && pages > 1 && (
            <nav aria-label="Pagina's" class="mkb-pagination">
              {props.page > 1 && (
                <a class="utrecht-link" href={href(q, filters, props.page - 1)}>
                  Vorige
                </a>
              )}
              <span>
                Pagina {props.page} van {pages}
              </span>
              {props.page < pages && (
                <a class="utrecht-link" href={href(q, filters, props.page + 1)}>
                  Volgende
                </a>
              )}
            </nav>
          )}
        </section>
      )}
    </Layout>
  );
}
