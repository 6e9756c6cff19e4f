import { CriterionWording, type ReadoutSection, ReadoutValue } from '../../registrations/index.ts';

/** The applicant's answers to one criterion, beside the assessor's verdict. */
export function Answers({ section, registrationId }: { section: ReadoutSection | undefined; registrationId: string }) {
  if (!section) return null;
  return (
    <>
      {section.criterion && <CriterionWording criterion={section.criterion} />}
      <dl class="mkb-answers">
        {section.rows.map((r) => (
          <div key={r.label}>
            <dt>{r.label}</dt>
            <dd>
              <ReadoutValue row={r} registrationId={registrationId} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
