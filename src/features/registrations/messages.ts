import type { AuditLabel } from '../../platform/audit/labels.ts';
import { formatDay } from '../../platform/calendar.ts';
import { PageError } from '../../platform/errors.tsx';
import { PARTICIPATION_LABELS, STATE_LABELS, type State } from './rules.ts';

/** What the registration feature says to people: refusals, notices and mail texts, in one place. */
export const MESSAGES = {
  onlyStaff: {
    title: 'Alleen medewerkers van een hogeschool melden aan',
    text: 'Log in met het account van uw hogeschool om een route aan te melden.',
  },
  closedMeanwhile: { title: 'Deze aanmelding kan niet meer worden gewijzigd', text: 'Ze is intussen ingediend of ingetrokken.' },
  notComplete: {
    title: 'Nog niet alle stappen zijn af',
    text: 'Vul eerst de stappen in die op het overzicht als onvolledig staan.',
  },
  changedMeanwhile: {
    title: 'De aanmelding is intussen gewijzigd',
    text: 'Iemand anders heeft de aanmelding net ingediend of ingetrokken. Bekijk de actuele stand.',
  },
  changedRetry: { title: 'De aanmelding is intussen gewijzigd', text: 'Bekijk de actuele stand en probeer het zo nodig opnieuw.' },
  notices: {
    opgeslagen: 'Uw antwoorden zijn opgeslagen. U kunt later verdergaan waar u was.',
    ingediend: 'Uw aanmelding is ingediend. U krijgt een bevestiging per e-mail, met het ontvangstbewijs.',
    'al-ingediend': 'Deze aanmelding was al ingediend; er is niets dubbel verstuurd.',
    ingetrokken: 'De aanmelding is ingetrokken.',
  } as Record<string, string>,
  colleague:
    'Let op: iemand anders heeft deze aanmelding opgeslagen terwijl u bezig was. Uw antwoorden op de vorige stap zijn bewaard; kijk of de andere stappen nog kloppen.',
  fileTooLarge: (mb: number) => `Het bestand is groter dan ${mb} MB; kies een kleiner bestand`,
  notPdf: 'Dit bestand is geen pdf; kies een pdf-bestand',
} as const;

/** Editing a registration (or one of its steps) that is not open to this user now. */
export class RegistrationClosedError extends PageError {
  constructor(state: State) {
    super(
      409,
      'Deze aanmelding kan niet meer worden gewijzigd',
      state === 'draft' || state === 'info_requested'
        ? 'Dit deel van de aanmelding staat niet open voor wijzigingen.'
        : `De aanmelding heeft de status ‘${STATE_LABELS[state].toLowerCase()}’. Een ingediende versie ligt vast.`,
    );
  }
}

/** Withdrawing a registration in a state that does not allow it. */
export class CannotWithdrawError extends PageError {
  constructor(state: State) {
    super(409, 'Intrekken kan niet', `Een aanmelding met de status ‘${STATE_LABELS[state].toLowerCase()}’ kan niet worden ingetrokken.`);
  }
}

export const MAILS = {
  confirmation: (p: { reference: string; programme: string; link: string }) => ({
    subject: `Aanmelding ontvangen: ${p.reference}`,
    text: [
      'Goedendag,',
      '',
      `Bedankt voor uw aanmelding bij het programma Mkb-route in het hbo. Het kenmerk is ${p.reference}.`,
      'Het ontvangstbewijs met al uw antwoorden zit als pdf bij dit bericht.',
      '',
      'Het programmateam beoordeelt de aanmelding aan de hand van de vijf criteria en neemt contact met u op.',
      `U volgt de aanmelding op ${p.link}`,
      '',
      `Opleiding: ${p.programme}`,
      '',
      'Programmateam Mkb-route in het hbo',
    ].join('\n'),
  }),
  withdrawn: (p: { reference: string; by: string; reason: string }) => ({
    subject: `Aanmelding ingetrokken: ${p.reference}`,
    text: [
      'Goedendag,',
      '',
      `De aanmelding ${p.reference} is ingetrokken door ${p.by}.`,
      '',
      `Reden: ${p.reason}`,
      '',
      'Programmateam Mkb-route in het hbo',
    ].join('\n'),
  }),
};

/** How this feature's audit events read (platform/audit/labels.ts). */
export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'registration.created': { team: 'Aanmelding begonnen', applicant: () => 'Aanmelding begonnen' },
  'registration.submitted': {
    team: 'Ingediend',
    detail: (d) => `versie ${String(d.version)}`,
    applicant: (d) => `Ingediend (versie ${String(d.version)})`,
  },
  'registration.event_attended': {
    team: 'Bijeenkomst bijgewoond door iemand van de hogeschool',
    detail: (d) => `${String(d.event ?? '')} (${formatDay(String(d.startsAt ?? ''))})`,
    applicant: (d) => `Iemand van uw hogeschool was bij de bijeenkomst ${String(d.event ?? '')} (${formatDay(String(d.startsAt ?? ''))})`,
  },
  'registration.withdrawn': { team: 'Ingetrokken', detail: (d) => String(d.reason ?? ''), applicant: () => 'Ingetrokken' },
  'registration.review_started': { team: 'Beoordeling gestart', applicant: () => 'Beoordeling gestart' },
  'registration.info_requested': { team: 'Besluit: aanvulling gevraagd', applicant: () => 'Aanvulling gevraagd' },
  'registration.accepted': {
    team: 'Besluit: toegelaten',
    detail: (d) => PARTICIPATION_LABELS[String(d.participation)] ?? '',
    applicant: (d) => `Toegelaten als ${PARTICIPATION_LABELS[String(d.participation)] ?? 'partner'}`,
  },
  'registration.declined': { team: 'Besluit: afgewezen', applicant: () => 'Afgewezen' },
  'registration.participant': { team: 'Deelnemer geworden', applicant: () => 'De route is deelnemer' },
  'mail.queued': { team: 'E-mail in de wachtrij', detail: (d) => String(d.subject ?? '') },
};
