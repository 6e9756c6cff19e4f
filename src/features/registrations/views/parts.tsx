import type { ReadoutRow, ReadoutSection, SectionCriterion } from '../readout.ts';
import { canEditStep, type State, stateLabel, stepStatus } from '../rules.ts';
import type { Registration } from '../service.ts';
import { STEPS, SUMMARY_SLUG } from '../steps.ts';

const STATUS_TEXT = { complete: 'klaar', incomplete: 'onvolledig', empty: 'nog niet ingevuld' } as const;

export const stepUrl = (id: string, slug: string) => `/aanmelden/${id}/${slug}`;

export function Progress({ reg, current }: { reg: Registration; current: string }) {
  return (
    <nav aria-label="Stappen van de aanmelding" class="mkb-steps">
      <ol>
        {[...STEPS, { slug: SUMMARY_SLUG, title: 'Overzicht en indienen' }].map((s, i) => {
          const status = s.slug === SUMMARY_SLUG ? null : stepStatus(reg.answers, s.slug);
          const open = s.slug === SUMMARY_SLUG || canEditStep(reg, s.slug);
          return (
            <li key={s.slug} class={`mkb-step mkb-step--${status ?? 'summary'}`}>
              {open ? (
                <a href={stepUrl(reg.id, s.slug)} aria-current={current === s.slug ? 'step' : undefined}>
                  {s.slug === SUMMARY_SLUG ? s.title : `${i + 1}. ${s.title}`}
                </a>
              ) : (
                <span>{s.slug === SUMMARY_SLUG ? s.title : `${i + 1}. ${s.title}`}</span>
              )}
              {status && <span class="mkb-step__status"> ({STATUS_TEXT[status]})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function StateBadge({ state, participation }: { state: State; participation?: string | null }) {
  return <strong class={`mkb-state mkb-state--${state}`}>{stateLabel(state, participation ?? null)}</strong>;
}

const dateOnly = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

/** An answer in words; an uploaded file as a link to download it (for the hogeschool's staff and the team). */
export function ReadoutValue({ row, registrationId }: { row: ReadoutRow; registrationId?: string }) {
  if (row.fileId && registrationId) {
    return (
      <a class="utrecht-link" href={`/aanmeldingen/${registrationId}/bestanden/${row.fileId}`}>
        {row.value}
        <span class="mkb-visually-hidden"> (pdf downloaden)</span>
      </a>
    );
  }
  if (row.table) {
    return (
      <table class="mkb-table mkb-table--compact">
        <thead>
          <tr>
            {row.table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row.table.rows.map((cells, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <tr key={i}>
              {cells.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are columns in a fixed order
                <td key={j}>{cell || <span class="mkb-meta">niet ingevuld</span>}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <>{row.value}</>;
}

const wordingDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

/** The criterion a step answers, in the words of the version the registration was submitted against. */
export function CriterionWording({ criterion }: { criterion: SectionCriterion }) {
  return (
    <p class="utrecht-paragraph mkb-meta">
      Criterium {criterion.code.replace('C', '')}: <strong>{criterion.title}</strong> — {criterion.description}{' '}
      {criterion.version > 1 ? `(tekst van ${wordingDate.format(new Date(criterion.validFrom))})` : '(oorspronkelijke tekst)'}
    </p>
  );
}

export function Readout({
  sections,
  editLinks,
  registrationId,
}: {
  sections: ReadoutSection[];
  editLinks?: (slug: string) => string | null;
  registrationId?: string;
}) {
  return (
    <>
      {sections.map((section) => {
        const link = editLinks?.(section.slug);
        return (
          <section key={section.slug} class="mkb-readout" aria-labelledby={`deel-${section.slug}`}>
            <h2 class="utrecht-heading-2" id={`deel-${section.slug}`}>
              {section.title}
            </h2>
            {section.criterion && <CriterionWording criterion={section.criterion} />}
            {link && (
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={link}>
                  Wijzigen<span class="mkb-visually-hidden"> {section.title}</span>
                </a>
              </p>
            )}
            <dl>
              {section.rows.map((row) => (
                <div key={row.label} class="mkb-readout__row">
                  <dt>{row.label}</dt>
                  <dd>
                    <ReadoutValue row={row} registrationId={registrationId} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}
