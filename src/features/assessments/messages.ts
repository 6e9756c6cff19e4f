import type { AuditLabel } from '../../platform/audit/labels.ts';
import { RECOMMENDATION_LABELS } from './rules.ts';

/** How this feature's audit events read in the team's trail (platform/audit/labels.ts). */
export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'registration.assigned': { team: 'Beoordelaars toegewezen', detail: (d) => (d.assignees as string[] | undefined)?.join(', ') ?? '' },
  'assessment.submitted': {
    team: 'Beoordeling ingediend',
    detail: (d) => `advies: ${RECOMMENDATION_LABELS[d.recommendation as keyof typeof RECOMMENDATION_LABELS] ?? ''}`,
  },
  'comment.added': { team: 'Interne opmerking geplaatst' },
  'conflict.dismissed': { team: 'Mogelijk belang afgedaan', detail: (d) => String(d.reason ?? '') },
  'reminder.review': { team: 'Herinnering aan beoordelaars' },
  'reminder.info_request': { team: 'Herinnering aan de hogeschool' },
  'reminder.info_escalated': { team: 'Aanvulling blijft uit: team ingelicht' },
};
