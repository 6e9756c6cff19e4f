import type { AuditLabel } from '../../platform/audit/labels.ts';
import { PageError } from '../../platform/errors.tsx';

/** Someone else booked the slot a moment earlier (the unique index said so). */
export class SlotTakenError extends PageError {
  constructor() {
    super(409, 'Dit tijdstip is net vergeven', 'Iemand anders boekte dit tijdstip net voor u. Kies een van de tijden die nog vrij zijn.');
  }
}

const SIGNATURE = 'Programmateam Mkb-route in het hbo';

export const MAILS = {
  invitation: (p: { reference: string | null; title: string | null; link: string }) => ({
    subject: `Plan het startgesprek voor ${p.reference ?? 'uw route'}`,
    text: `Goedendag,\n\nNu de route ${p.title ?? ''} is toegelaten, plannen we graag een startgesprek met u. Kies een tijdstip dat u past:\n\n${p.link}\n\nU kunt ook inloggen en het gesprek inplannen vanuit Mijn omgeving.\n\n${SIGNATURE}`,
  }),
  newSlots: (p: { reference: string | null; title: string | null; link: string }) => ({
    subject: `Nieuwe tijden voor het startgesprek ${p.reference ?? ''}`.trim(),
    text: `Goedendag,\n\nEr zijn nieuwe tijden beschikbaar voor het startgesprek over ${p.title ?? 'uw route'}${p.reference ? ` (${p.reference})` : ''}. Kies een tijdstip dat u past:\n\n${p.link}\n\n${SIGNATURE}`,
  }),
};

/** How this feature's audit events read (platform/audit/labels.ts). */
export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'kickoff.invited': { team: 'Uitgenodigd voor het startgesprek', applicant: () => 'Uitgenodigd voor het startgesprek' },
  'kickoff.booked': {
    team: 'Startgesprek ingepland',
    detail: (d) => String(d.slot ?? ''),
    applicant: (d) => `Startgesprek ingepland: ${String(d.slot ?? '')}`,
  },
  'kickoff.rescheduled': {
    team: 'Startgesprek verzet',
    detail: (d) => `naar ${String(d.to ?? '')}`,
    applicant: (d) => `Startgesprek verzet naar ${String(d.to ?? '')}`,
  },
  'kickoff.cancelled': {
    team: 'Startgesprek geannuleerd',
    detail: (d) => String(d.reason ?? ''),
    applicant: () => 'Startgesprek geannuleerd',
  },
  'kickoff.reminded': { team: 'Herinnering aan het startgesprek' },
  'kickoff.unbooked_reminded': { team: 'Herinnering: startgesprek nog niet ingepland' },
  'kickoff.not_planned': { team: 'Startgesprek niet ingepland' },
  'kickoff.held': { team: 'Startgesprek gehouden', applicant: () => 'Startgesprek gehouden' },
};
