import type { AuditLabel } from '../../platform/audit/labels.ts';
import { ConflictError } from '../../platform/errors.tsx';
import { RECOMMENDATION_LABELS } from './rules.ts';

/** How this feature's audit events read in the team's trail (platform/audit/labels.ts). */
export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'registration.assigned': {
    team: 'Beoordelaars toegewezen',
    // Events before ids were stored keep the names they were written with (`assignees`).
    detail: (d, name) =>
      (Array.isArray(d.userIds) ? (d.userIds as string[]).map(name) : ((d.assignees as string[] | undefined) ?? [])).join(', '),
  },
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

/** A decision on a registration that was withdrawn in the meantime. */
export class WithdrawnError extends ConflictError {
  constructor() {
    super('De aanmelding is ingetrokken', 'Over een ingetrokken aanmelding wordt geen besluit meer genomen.');
  }
}

/** A second decision: someone else decided first (or the review has not started). */
export class AlreadyDecidedError extends ConflictError {
  constructor(maybeNotStarted = false) {
    super(
      'Er is al een besluit genomen',
      maybeNotStarted
        ? 'Iemand anders heeft net over deze aanmelding besloten, of de beoordeling is nog niet gestart. Bekijk de actuele stand.'
        : 'Iemand anders heeft net over deze aanmelding besloten. Bekijk de actuele stand.',
    );
  }
}

export const REFUSALS = {
  notAssessed: {
    title: 'Nog geen beoordeling',
    text: 'Een besluit volgt op ten minste één ingediende beoordeling van deze versie. Dien eerst een beoordeling in.',
  },
  unknownMember: { title: 'Onbekend teamlid', text: 'Kies alleen teamleden uit de lijst.' },
  cannotStart: { title: 'Beoordeling kan niet starten', text: 'De aanmelding is niet (meer) in de status ‘ingediend’.' },
  cannotAssess: {
    title: 'Beoordelen kan nu niet',
    text: 'Alleen een ingediende aanmelding die nog geen besluit heeft, wordt beoordeeld.',
  },
  assessmentFixed: { title: 'Beoordeling al ingediend', text: 'Een ingediende beoordeling ligt vast.' },
};

/** The mails this feature sends to the team and (reminders) to the hogeschool. */
export const MAILS = {
  assigned: (p: { reference: string | null; title: string | null; link: string }) => ({
    subject: `Toegewezen: aanmelding ${p.reference ?? ''}`,
    text: `Je bent toegewezen om de aanmelding ${p.reference ?? ''} (${p.title ?? ''}) te beoordelen.\n\n${p.link}\n`,
  }),
  resubmitted: (p: { reference: string; version: number; link: string }) => ({
    subject: `Aanvulling ontvangen: ${p.reference}`,
    text: `De hogeschool heeft de gevraagde aanvulling voor ${p.reference} ingediend (versie ${p.version}).\n\n${p.link}\n`,
  }),
  reviewReminder: (p: { reference: string | null; title: string | null; days: number; link: string }) => ({
    subject: `Herinnering: aanmelding ${p.reference ?? ''} wacht op beoordeling`,
    text: `De aanmelding ${p.reference ?? ''} (${p.title ?? ''}) is al ${p.days} dagen ingediend en nog niet besloten.\n\n${p.link}\n`,
  }),
  infoReminder: (p: { reference: string | null; link: string }) => ({
    subject: `Herinnering: aanvulling voor ${p.reference ?? ''}`,
    text: `De termijn voor de aanvulling van de aanmelding ${p.reference ?? ''} is verstreken. Wilt u de aanvulling zo snel mogelijk indienen?\n\n${p.link}\n`,
  }),
  infoEscalated: (p: { reference: string | null; link: string }) => ({
    subject: `Aanvulling blijft uit: ${p.reference ?? ''}`,
    text: `De hogeschool heeft de gevraagde aanvulling voor ${p.reference ?? ''} nog niet ingediend, ook niet na een herinnering.\n\n${p.link}\n`,
  }),
};
