import type { ComponentChildren } from 'preact';
import { Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Prose } from '../../content/index.ts';
import { AUDIENCES } from '../../reference/index.ts';
import type { GuidePart } from '../guide.ts';
import type { routeHandout } from '../handout.ts';
import { formatDate } from '../messages.ts';
import type { PublicItem } from '../published.ts';
import type { HandoutReason } from '../rules.ts';
import type { Theme } from '../themes.ts';
import { ReviewLine } from './public.tsx';

/**
 * The line printed on every page (a fixed element repeats on each printed page in browsers); on
 * screen it stands once under the heading.
 */
function RunningLine({ children }: { children: string }) {
  return <p class="mkb-running">{children}</p>;
}

function PrintHint() {
  return (
    <Notice kind="info">
      Deze pagina is opgemaakt om af te drukken of als pdf te bewaren: gebruik Afdrukken in uw browser (Ctrl+P of Cmd+P). Elk hoofdstuk
      begint op een nieuwe pagina.
    </Notice>
  );
}

function PrintedChapter({ chapter, children }: { chapter: PublicItem; children?: ComponentChildren }) {
  return (
    <article class="mkb-print-chapter" aria-labelledby={`h-${chapter.id}`}>
      <h2 class="utrecht-heading-2" id={`h-${chapter.id}`}>
        {chapter.title}
      </h2>
      <p class="utrecht-paragraph mkb-lead">{chapter.summary}</p>
      <ReviewLine item={chapter} />
      {children}
      <div class="mkb-print-body">
        <Prose html={chapter.bodyHtml} />
      </div>
    </article>
  );
}

/** The whole guide (or one audience's part) as one page to print. */
export function PrintGuide(props: { ctx: PageContext; parts: GuidePart[]; audience: string; url: string }) {
  const chapters = props.parts.flatMap((p) => p.chapters);
  const edition = chapters.reduce((latest, c) => (c.updatedAt > latest ? c.updatedAt : latest), '');
  const editionText = edition ? `editie ${formatDate(edition.slice(0, 10))}` : '';
  const forWhom = props.audience ? ` voor ${AUDIENCES[props.audience]?.toLowerCase()}` : '';
  return (
    <Layout ctx={props.ctx} title={`Handreiking afdrukken${forWhom}`}>
      <div class="mkb-print">
        <Heading1>Handreiking Mkb-route in het hbo{forWhom}</Heading1>
        <RunningLine>{`Handreiking Mkb-route in het hbo · ${editionText} · ${props.url}`}</RunningLine>
        <PrintHint />
        <h2 class="utrecht-heading-2">Inhoud</h2>
        <ol class="mkb-contents">
          {props.parts.map((p) => (
            <li key={p.code}>
              {p.title}
              <ol>
                {p.chapters.map((c) => (
                  <li key={c.id}>
                    <a class="utrecht-link" href={`#h-${c.id}`}>
                      {c.title}
                    </a>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
        {chapters.map((c) => (
          <PrintedChapter key={c.id} chapter={c} />
        ))}
      </div>
    </Layout>
  );
}

function reasonText(r: HandoutReason, themes: Theme[], criteria: { code: string; title: string }[]): string {
  if (r.kind === 'theme') return `thema dat u koos: ${themes.find((t) => t.code === r.code)?.name ?? r.code}`;
  const title = criteria.find((c) => c.code === r.code)?.title ?? '';
  return r.kind === 'verdict'
    ? `${r.code} ${title}: voldeed deels of was onduidelijk`
    : `voorwaarde bij de toelating over ${r.code} ${title}`;
}

/** The handout of one route: its open items, then only the chapters for them. */
export function HandoutView(props: { ctx: PageContext; handout: Awaited<ReturnType<typeof routeHandout>>; themes: Theme[] }) {
  const h = props.handout;
  const line = `Handreiking voor ${h.reference} · ${h.title} · ${formatDate(new Date().toISOString().slice(0, 10))}`;
  return (
    <Layout ctx={props.ctx} title={`Handreiking voor ${h.reference}`}>
      <div class="mkb-print">
        <p class="mkb-meta mkb-no-print">
          <a class="utrecht-link" href="/mijn">
            Terug naar Mijn omgeving
          </a>
        </p>
        <Heading1>Handreiking voor {h.title}</Heading1>
        <RunningLine>{line}</RunningLine>
        <PrintHint />
        <h2 class="utrecht-heading-2">Wat voor uw route openstaat</h2>
        <ul>
          {h.items.criteria.map((code) => (
            <li key={code}>
              {code} {h.criteria.find((c) => c.code === code)?.title}: bij de beoordeling “voldoet deels” of “onduidelijk”
            </li>
          ))}
          {h.items.conditions.map((c) => (
            <li key={c}>Voorwaarde bij de toelating: {c}</li>
          ))}
          {h.items.themes.map((code) => (
            <li key={code}>Thema dat u koos: {props.themes.find((t) => t.code === code)?.name ?? code}</li>
          ))}
          {h.items.criteria.length + h.items.conditions.length + h.items.themes.length === 0 && (
            <li>Er staan geen punten open; de hele handreiking staat op /handreiking.</li>
          )}
        </ul>
        <p class="utrecht-paragraph">
          {h.selected.length === 0
            ? 'Geen hoofdstuk van de handreiking hoort bij deze punten.'
            : `${h.selected.length} ${h.selected.length === 1 ? 'hoofdstuk hoort' : 'hoofdstukken horen'} hierbij.`}
        </p>
        {h.selected.map(({ chapter, reasons }) => (
          <PrintedChapter key={chapter.id} chapter={chapter}>
            <p class="mkb-meta">Waarom dit hoofdstuk: {reasons.map((r) => reasonText(r, props.themes, h.criteria)).join('; ')}.</p>
          </PrintedChapter>
        ))}
      </div>
    </Layout>
  );
}
