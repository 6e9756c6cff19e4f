import type { AuditLabel } from '../../platform/audit/labels.ts';
import { ConflictError, PageError } from '../../platform/errors.tsx';

/** Someone else booked the slot a moment earlier (the unique index said so). */
export class SlotTakenError extends PageError {
  constructor() {
    super(409, 'Dit tijdstip is net vergeven', 'Iemand anders boekte dit tijdstip net voor u. Kies een van de tijden die nog vrij zijn.');
  }
}

const SIGNATURE = 'Programmateam Mkb-route in het hbo';

type Meeting = { title: string | null; reference: string | null };

export const MAILS = {
  booked: (k: Meeting, p: { when: string; host: string; details: string }) => ({
    subject: `Startgesprek ingepland: ${p.when}`,
    text: `Goedendag,\n\nHet startgesprek voor ${k.title ?? ''} (${k.reference ?? ''}) staat gepland op ${p.when} met ${p.host}.\n\n${p.details}\n\nDe uitnodiging voor uw agenda zit bij dit bericht.\n\n${SIGNATURE}`,
  }),
  rescheduled: (k: Meeting, p: { when: string; host: string; reason: string; details: string; byTeam?: boolean }) => ({
    subject: `Startgesprek verzet: ${p.when}`,
    text: `Goedendag,\n\n${p.byTeam ? 'Het programmateam heeft het startgesprek' : 'Het startgesprek'} voor ${k.title ?? ''} (${k.reference ?? ''}) ${p.byTeam ? 'verzet' : 'is verzet'} naar ${p.when} met ${p.host}.\nReden: ${p.reason}\n\n${p.details}\n\nDe bijgewerkte uitnodiging zit bij dit bericht.\n\n${SIGNATURE}`,
  }),
  slotFreed: (k: Meeting, p: { from: string; to: string; host: string; reason: string }) => ({
    subject: `Startgesprek ${k.reference ?? ''} verzet`,
    text: `Het gesprek op ${p.from} is verzet naar ${p.to} bij ${p.host}. Je tijdstip is weer vrij.\nReden: ${p.reason}`,
  }),
  cancelled: (k: Meeting, p: { when: string; reason: string; link: string; byTeam?: boolean }) => ({
    subject: `Startgesprek geannuleerd: ${k.reference ?? ''}`,
    text: `Goedendag,\n\n${p.byTeam ? 'Het programmateam heeft het startgesprek' : 'Het startgesprek'} voor ${k.title ?? ''} (${k.reference ?? ''}) op ${p.when} ${p.byTeam ? 'geannuleerd' : 'is geannuleerd'}.\nReden: ${p.reason}\n\nEen nieuw tijdstip kiest u hier: ${p.link}\n\n${SIGNATURE}`,
  }),
  dayBefore: (k: Meeting, p: { when: string; details: string }) => ({
    subject: `Morgen: startgesprek ${k.reference ?? ''}`,
    text: `Herinnering: morgen is het startgesprek, ${p.when}.\n\n${p.details}\n`,
  }),
  unbookedReminder: (k: Meeting, p: { link: string }) => ({
    subject: `Herinnering: plan het startgesprek voor ${k.reference ?? ''}`,
    text: `U heeft nog geen tijdstip gekozen voor het startgesprek. Kies er een via:\n\n${p.link}\n`,
  }),
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
    detail: (d) => `naar ${String(d.to ?? '')}${d.byTeam ? ' (door het programmateam)' : ''}`,
    applicant: (d) => `Startgesprek verzet naar ${String(d.to ?? '')}${d.byTeam ? ' door het programmateam' : ''}`,
  },
  'kickoff.cancelled': {
    team: 'Startgesprek geannuleerd',
    detail: (d) => `${String(d.reason ?? '')}${d.byTeam ? ' (door het programmateam)' : ''}`,
    applicant: (d) => (d.byTeam ? 'Startgesprek geannuleerd door het programmateam' : 'Startgesprek geannuleerd'),
  },
  'kickoff.reminded': { team: 'Herinnering aan het startgesprek' },
  'kickoff.unbooked_reminded': { team: 'Herinnering: startgesprek nog niet ingepland' },
  'kickoff.not_planned': { team: 'Startgesprek niet ingepland' },
  'kickoff.held': { team: 'Startgesprek gehouden', applicant: () => 'Startgesprek gehouden' },
};

/** Refusals of the kick-off feature, each a 409 page with a title and what to do now. */
export const refuse = {
  alreadyPlanned: () => new ConflictError('Het gesprek is al ingepland', 'Verzet het gesprek als u een ander tijdstip wilt.'),
  plannedMeanwhile: () =>
    new ConflictError('Het gesprek is al ingepland', 'Het gesprek is intussen al ingepland. Bekijk de actuele stand.'),
  changedMeanwhile: () => new ConflictError('Het gesprek is intussen gewijzigd', 'Bekijk de actuele stand.'),
  nothingToMove: () => new ConflictError('Er is geen gesprek om te verzetten', 'Plan eerst een gesprek in.'),
  nothingToCancel: () => new ConflictError('Er is geen gesprek om te annuleren', 'Het gesprek is niet ingepland.'),
  tooLate: (what: 'verzetten' | 'annuleren', hours: number, host: string, hostEmail: string) =>
    new ConflictError(
      `${what === 'verzetten' ? 'Verzetten' : 'Annuleren'} kan niet meer`,
      `Tot ${hours} uur voor het gesprek kunt u het zelf ${what}. Neem nu contact op met ${host} (${hostEmail}).`,
    ),
  sameSlot: () => new ConflictError('Hetzelfde tijdstip', 'Kies een ander tijdstip dan het huidige.'),
  notHeld: () => new ConflictError('Geen gehouden gesprek', 'Alleen een ingepland gesprek kan worden vastgelegd.'),
  notYet: () => new ConflictError('Het gesprek is nog niet geweest', 'Leg de uitkomst vast na het gesprek.'),
  slotInPast: (when: string) => new ConflictError('Tijdstip in het verleden', `Het tijdstip ${when} is al voorbij.`),
  overlap: (when: string) =>
    new ConflictError(
      'Overlap met een ander tijdstip',
      `Op ${when} heeft deze gastheer of gastvrouw al een tijdstip. Er is niets opgeslagen.`,
    ),
  slotBooked: () =>
    new ConflictError('Tijdstip niet verwijderd', 'Een geboekt tijdstip kan niet worden verwijderd; verzet of annuleer eerst het gesprek.'),
  unknownSlot: () => new ConflictError('Onbekend tijdstip', 'Dit tijdstip bestaat niet (meer). Kies een van de tijden op de pagina.'),
  slotPassed: () => new ConflictError('Dit tijdstip is voorbij', 'Kies een tijdstip in de toekomst.'),
};
