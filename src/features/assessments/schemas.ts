import { z } from 'zod';
import { ALWAYS, dateField, listField, textField } from '../../platform/forms.ts';
import { LIMITS } from '../../platform/limits.ts';
import { PARTICIPATION } from '../registrations/index.ts';
import { CRITERION_STEPS, RECOMMENDATIONS, VERDICTS } from './rules.ts';

export const EXPLANATION_MAX = 5_000;
export const MESSAGE_MAX = 10_000;
export const TEMPLATE_SUBJECT_MAX = 200;
export const TEMPLATE_BODY_MAX = 10_000;

const list = listField;
const participations = PARTICIPATION.map((p) => p.value) as [string, ...string[]];

const criterionFields: Record<string, z.ZodType> = {};
for (const c of CRITERION_STEPS) {
  criterionFields[`verdict_${c.code}`] = z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.union([z.enum(VERDICTS, { error: 'Kies een van de oordelen' }), z.literal('')]),
  );
  criterionFields[`explanation_${c.code}`] = textField(EXPLANATION_MAX, 'De toelichting');
}

export const assessmentSchema = z.object({
  ...criterionFields,
  recommendation: z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.union([z.enum(RECOMMENDATIONS, { error: 'Kies een van de adviezen' }), z.literal('')]),
  ),
  proposed_participation: z.preprocess(
    (v) => (v === undefined ? '' : v),
    z.union([z.enum(participations, { error: 'Kies een vorm van deelname' }), z.literal('')]),
  ),
  summary: textField(EXPLANATION_MAX, 'De samenvatting'),
  actie: z.enum(['concept', 'indienen']).default('concept'),
});

export const decisionSchema = z
  .object({
    kind: z.enum(['accept', 'request_info', 'decline'], { error: 'Kies een besluit' }),
    participation: textField(16, 'De deelname'),
    conditions: textField(MESSAGE_MAX, 'De voorwaarden'),
    reopen: list,
    message: textField(MESSAGE_MAX, 'Het bericht'),
    deadline: dateField('de uiterste datum'),
    actie: z.enum(['voorbeeld', 'versturen', 'aanpassen']).default('voorbeeld'),
  })
  // Checked also when a date or time could not be read, so every message shows at once.
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.kind === 'accept' && !participations.includes(d.participation))
      issue('participation', 'Kies als wat de hogeschool wordt toegelaten');
    if (d.kind === 'request_info') {
      const known = new Set(CRITERION_STEPS.map((c) => c.slug));
      if (d.reopen.length === 0) issue('reopen', 'Kies ten minste één criterium dat aangevuld moet worden');
      else if (!d.reopen.every((s) => known.has(s))) issue('reopen', 'Kies alleen uit de criteria');
      if (!d.message) issue('message', 'Schrijf wat er aangevuld moet worden');
      if (!d.deadline) issue('deadline', 'Vul de uiterste datum in');
      else if (d.deadline <= new Date().toISOString().slice(0, 10)) {
        issue('deadline', 'De uiterste datum moet in de toekomst liggen');
      }
    }
    if (d.kind === 'decline' && !d.message) issue('message', 'Schrijf de reden van het afwijzen');
  }, ALWAYS);

export const templateSchema = z.object({
  subject: textField(TEMPLATE_SUBJECT_MAX, 'Het onderwerp', 'Vul een onderwerp in'),
  body: textField(TEMPLATE_BODY_MAX, 'De tekst', 'Vul de tekst in'),
});

export const commentSchema = z.object({ body: textField(LIMITS.text, 'De opmerking', 'Schrijf een opmerking') });

export const assignSchema = z.object({ members: list });

export const dismissSchema = z.object({
  member: z.string().min(1).max(LIMITS.id),
  reason: textField(LIMITS.reason, 'De reden', 'Schrijf waarom het belang geen bezwaar is'),
});

export const affiliationSchema = z
  .object({
    kind: z.enum(['institution', 'organisation'], { error: 'Kies hogeschool of organisatie' }),
    institution: textField(4, 'De hogeschool'),
    organisation: textField(200, 'De organisatie'),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'institution' && !/^[0-9A-Z]{4}$/.test(d.institution))
      ctx.addIssue({ code: 'custom', path: ['institution'], message: 'Kies de hogeschool' });
    if (d.kind === 'organisation' && !d.organisation)
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'Vul de naam van de organisatie in' });
  });
