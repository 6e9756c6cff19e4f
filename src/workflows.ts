/**
 * How the workflows react to each other, in one place. A feature raises an event inside the
 * transaction of its change (platform/events.ts); the subscribers below run in that same
 * transaction, in the order listed, so the change and its consequences commit or roll back
 * together. The audit labels of every feature are gathered here too (platform/audit/labels.ts).
 */

import { AUDIT_LABELS as accountLabels } from './features/accounts/index.ts';
import { AUDIT_LABELS as administrationLabels } from './features/administration/index.ts';
import { AUDIT_LABELS as assessmentLabels, markConditionMet, tellAssessorsOfResubmission } from './features/assessments/index.ts';
import { publishRoute } from './features/catalogue/index.ts';
import { AUDIT_LABELS as eventLabels } from './features/events/index.ts';
import { inviteToKickoff, AUDIT_LABELS as kickoffLabels } from './features/kickoffs/index.ts';
import { flagChaptersFor, AUDIT_LABELS as knowledgeLabels } from './features/knowledge/index.ts';
import { addToOpenYears, AUDIT_LABELS as monitoringLabels } from './features/monitoring/index.ts';
import { linkPartnersOfAccepted, AUDIT_LABELS as networkLabels } from './features/network/index.ts';
import { AUDIT_LABELS as referenceLabels } from './features/reference/index.ts';
import { noteEventAttendance, AUDIT_LABELS as registrationLabels } from './features/registrations/index.ts';
import { AUDIT_LABELS as supportLabels } from './features/support/index.ts';
import { setAuditLabels } from './platform/audit/labels.ts';
import { setSubscribers } from './platform/events.ts';

export function wireWorkflows(): void {
  setSubscribers({
    // Acceptance: the hogeschool is invited to plan the kick-off, and with consent the route
    // appears in the public catalogue at once.
    // A route admitted while a monitor year is open reports for that year too.
    'registration.accepted': [
      inviteToKickoff,
      async (event, ctx) => {
        await publishRoute(event, ctx);
      },
      addToOpenYears,
      // The companies and branches it names are linked to the network's organisations.
      linkPartnersOfAccepted,
    ],
    // An information request answered: the assessors hear the registration is back.
    'registration.resubmitted': [tellAssessorsOfResubmission],
    // Someone of a hogeschool came to a bijeenkomst: its admitted routes show it on their timeline.
    'event.attended': [noteEventAttendance],
    // A criterion or theme reworded: the guide's chapters that refer to it are flagged for review.
    // A support request closed with "voorwaarde vervuld": the acceptance condition is recorded as met on the route.
    'support.condition_met': [markConditionMet],
    'reference.wording_changed': [
      async (event, ctx) => {
        await flagChaptersFor(event, ctx);
      },
    ],
  });
  setAuditLabels(
    registrationLabels,
    assessmentLabels,
    kickoffLabels,
    eventLabels,
    knowledgeLabels,
    referenceLabels,
    monitoringLabels,
    administrationLabels,
    accountLabels,
    supportLabels,
    networkLabels,
  );
}
