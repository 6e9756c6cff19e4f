import { formatDateTime } from '../../../platform/time.ts';
import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, TableScroll, TextArea, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Prose } from '../../content/index.ts';
import type { ReviewItem } from '../guide.ts';
import { formatDate } from '../messages.ts';
import { ITEM_KINDS, type ItemKind } from '../rules.ts';
import type { Theme } from '../themes.ts';

type TeamItem = {
  id: string;
  kind: string;
  title: string;
  published_at: string | null;
  published_revision: number | null;
  latest_revision: number;
  review_due: string | null;
  review_reason: string | null;
  owner_name: string | null;
  owner_email: string | null;
};

function stateOf(i: TeamItem): string {
  if (i.published_revision === null) return 'Concept';
  if (i.published_revision < i.latest_revision) return 'Gepubliceerd, met een nieuwere versie in concept';
  return 'Gepubliceerd';
}

export function ReviewBlock({ items }: { items: ReviewItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="beoordelen">
      <h2 class="utrecht-heading-2" id="beoordelen">
        Hoofdstukken om te beoordelen ({items.length})
      </h2>
      <ul class="mkb-link-list">
        {items.map((i) => (
          <li key={i.id}>
            <a class="utrecht-link" href={`/beheer/kennis/${i.id}`}>
              {i.title}
            </a>
            <p class="mkb-meta">
              {i.state === 'flagged' ? `Beoordeling nodig: ${i.reason}` : `Volgende beoordeling was ${i.due ? formatDate(i.due) : '—'}.`}{' '}
              Eigenaar: {i.owner ?? 'niemand'}.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function KnowledgeListPage(props: {
  ctx: PageContext;
  items: TeamItem[];
  themes: Theme[];
  review: ReviewItem[];
  notice: string | null;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Kennis en handreiking" notice={props.notice}>
      <ul class="mkb-actions">
        {(Object.keys(ITEM_KINDS) as ItemKind[]).map((k) => (
          <li key={k}>
            <a class="utrecht-link" href={`/beheer/kennis/nieuw?soort=${k}`}>
              Nieuw: {ITEM_KINDS[k].label.toLowerCase()}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a class="utrecht-link" href="/beheer/kennis/delen">
          Delen van de handreiking
        </a>
      </p>
      <ReviewBlock items={props.review} />
      {(Object.keys(ITEM_KINDS) as ItemKind[]).map((k) => {
        const rows = props.items.filter((i) => i.kind === k);
        return (
          <section key={k} aria-labelledby={`lijst-${k}`}>
            <h2 class="utrecht-heading-2" id={`lijst-${k}`}>
              {ITEM_KINDS[k].plural} ({rows.length})
            </h2>
            {rows.length === 0 ? (
              <p class="utrecht-paragraph">Nog niets.</p>
            ) : (
              <TableScroll label={ITEM_KINDS[k].plural}>
                <table class="mkb-table">
                  <thead>
                    <tr>
                      <th scope="col">Titel</th>
                      <th scope="col">Staat</th>
                      {k === 'chapter' && <th scope="col">Eigenaar</th>}
                      {k === 'chapter' && <th scope="col">Beoordeling</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((i) => (
                      <tr key={i.id}>
                        <td>
                          <a class="utrecht-link" href={`/beheer/kennis/${i.id}`}>
                            {i.title}
                          </a>
                        </td>
                        <td>{stateOf(i)}</td>
                        {k === 'chapter' && <td>{i.owner_name ?? i.owner_email ?? '—'}</td>}
                        {k === 'chapter' && (
                          <td>{i.review_reason ? 'Nodig (tekst gewijzigd)' : i.review_due ? formatDate(i.review_due) : '—'}</td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        );
      })}
      <section aria-labelledby="themapaginas">
        <h2 class="utrecht-heading-2" id="themapaginas">
          Themapagina’s
        </h2>
        <ul class="mkb-link-list">
          {props.themes.map((t) => (
            <li key={t.code}>
              <a class="utrecht-link" href={`/beheer/kennis/themas/${t.code}`}>
                {t.name}
              </a>{' '}
              <span class="mkb-meta">(/kennis/{t.slug})</span>
            </li>
          ))}
        </ul>
      </section>
    </BackOfficePage>
  );
}

export function HistoryPage(props: {
  ctx: PageContext;
  id: string;
  title: string;
  revisions: { number: number; title: string; savedAt: string; savedBy: string; restoredFrom: number | null }[];
  publishedRevision: number | null;
}) {
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Geschiedenis: ${props.title}`}
      back={{ href: `/beheer/kennis/${props.id}`, text: 'Terug naar bewerken' }}
    >
      <TableScroll label="Versies">
        <table class="mkb-table">
          <thead>
            <tr>
              <th scope="col">Versie</th>
              <th scope="col">Titel</th>
              <th scope="col">Opgeslagen</th>
              <th scope="col">Door</th>
            </tr>
          </thead>
          <tbody>
            {props.revisions.map((r) => (
              <tr key={r.number}>
                <td>
                  <a class="utrecht-link" href={`/beheer/kennis/${props.id}/versies/${r.number}`}>
                    Versie {r.number}
                  </a>
                  {r.number === props.publishedRevision && ' (gepubliceerd)'}
                  {r.restoredFrom !== null && ` (teruggezet uit versie ${r.restoredFrom})`}
                </td>
                <td>{r.title}</td>
                <td>{formatDateTime(r.savedAt)}</td>
                <td>{r.savedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </BackOfficePage>
  );
}

export function RevisionPage(props: {
  ctx: PageContext;
  id: string;
  latest: number;
  revision: { number: number; text: { title: string; summary: string }; bodyHtml: string; savedAt: string; savedBy: string };
}) {
  const r = props.revision;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Versie ${r.number}: ${r.text.title}`}
      back={{ href: `/beheer/kennis/${props.id}/versies`, text: 'Terug naar de geschiedenis' }}
    >
      <p class="mkb-meta">
        Opgeslagen op {formatDateTime(r.savedAt)} door {r.savedBy}.
      </p>
      {r.number !== props.latest && (
        <form method="post" action={`/beheer/kennis/${props.id}/versies/${r.number}/terugzetten`} class="mkb-form" noValidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="seen" value={String(props.latest)} />
          <p class="utrecht-paragraph">
            Terugzetten maakt van deze tekst een nieuwe versie ({props.latest + 1}); alle versies blijven bewaard. Is het stuk gepubliceerd,
            dan staat de teruggezette tekst meteen op de site.
          </p>
          <Button>Deze versie terugzetten</Button>
        </form>
      )}
      <section aria-labelledby="tekst" class="mkb-preview">
        <h2 class="utrecht-heading-2" id="tekst">
          {r.text.title}
        </h2>
        <p class="utrecht-paragraph mkb-lead">{r.text.summary}</p>
        <Prose html={r.bodyHtml} />
      </section>
    </BackOfficePage>
  );
}

export function ThemeIntroPage(props: { ctx: PageContext; theme: Theme; value: string; errors?: FieldErrors }) {
  return (
    <BackOfficePage
      ctx={props.ctx}
      title={`Themapagina: ${props.theme.name}`}
      back={{ href: '/beheer/kennis', text: 'Terug naar kennis en handreiking' }}
      errors={props.errors}
    >
      <form method="post" action={`/beheer/kennis/themas/${props.theme.code}`} class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextArea
          name="intro"
          label="Introductie (Markdown)"
          value={props.value}
          maxLength={5_000}
          rows={8}
          required
          errors={props.errors}
        />
        <Button>Opslaan</Button>
      </form>
    </BackOfficePage>
  );
}

export function PartsPage(props: {
  ctx: PageContext;
  parts: { code: string; title: string; position: number }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const v = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  return (
    <BackOfficePage
      ctx={props.ctx}
      title="Delen van de handreiking"
      back={{ href: '/beheer/kennis', text: 'Terug naar kennis en handreiking' }}
      errors={props.errors}
    >
      <p class="utrecht-paragraph">
        De handreiking toont de delen in de volgorde van hun plaats; een deel zonder gepubliceerde hoofdstukken staat er niet in.
      </p>
      <form method="post" action="/beheer/kennis/delen" class="mkb-form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.parts.map((p) => (
          <fieldset key={p.code} class="utrecht-form-fieldset mkb-fieldset">
            <legend class="utrecht-form-fieldset__legend">{p.title}</legend>
            <TextField
              name={`title_${p.code}`}
              label="Naam"
              value={v(`title_${p.code}`, p.title)}
              maxLength={200}
              required
              errors={props.errors}
            />
            <TextField
              name={`position_${p.code}`}
              label="Plaats"
              value={v(`position_${p.code}`, String(p.position))}
              maxLength={3}
              required
              errors={props.errors}
            />
          </fieldset>
        ))}
        <TextField
          name="new"
          label="Nieuw deel"
          hint="Laat leeg als u geen deel toevoegt."
          value={v('new', '')}
          maxLength={200}
          errors={props.errors}
        />
        <Button>Opslaan</Button>
      </form>
    </BackOfficePage>
  );
}
