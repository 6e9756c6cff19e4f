import type { ReadoutSection } from '../../registrations/index.ts';

/** The applicant's answers to one criterion, beside the assessor's verdict. */
export function Answers({ section }: { section: ReadoutSection | undefined }) {
  if (!section) return null;
  return (
    <dl class="mkb-answers">
      {section.rows.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
