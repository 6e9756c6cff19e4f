import type { AuditLabel } from '../../platform/audit/labels.ts';
import { ConflictError, PageError } from '../../platform/errors.tsx';

const SIGNATURE = 'Programmateam Mkb-route in het hbo';

/** Date, time and place, written out in every mail (not only in the .ics). */
export type MailEvent = { title: string; when: string; place: string; pageUrl: string };

const facts = (e: MailEvent) => `Wat: ${e.title}\nWanneer: ${e.when}\nWaar: ${e.place}\nMeer informatie: ${e.pageUrl}`;

export const MAILS = {
  confirmGuest: (e: MailEvent, p: { name: string; link: string }) => ({
    subject: `Bevestig uw aanmelding: ${e.title}`,
    text: `Beste ${p.name},\n\nU heeft zich aangemeld voor een bijeenkomst van Mkb-route in het hbo. Bevestig uw aanmelding binnen 24 uur via deze link:\n\n${p.link}\n\n${facts(e)}\n\nHeeft u zich niet aangemeld? Dan kunt u dit bericht negeren; er wordt niets bewaard.\n\n${SIGNATURE}`,
  }),
  confirmed: (e: MailEvent, p: { name: string; code: string; link: string }) => ({
    subject: `Aangemeld: ${e.title}`,
    text: `Beste ${p.name},\n\nU bent aangemeld.\n\n${facts(e)}\n\nUw persoonlijke code voor de aanwezigheidsregistratie: ${p.code}\n\nKunt u toch niet? Meld u dan af, zodat een ander uw plek krijgt:\n${p.link}\n\nDe uitnodiging voor uw agenda zit bij dit bericht.\n\n${SIGNATURE}`,
  }),
  waiting: (e: MailEvent, p: { name: string; place: number; rule: string; link: string }) => ({
    subject: `Op de wachtlijst: ${e.title}`,
    text: `Beste ${p.name},\n\nDe bijeenkomst is vol. U staat op de wachtlijst, op plaats ${p.place}.\n\n${p.rule}\n\n${facts(e)}\n\nUw plaats bekijken of van de wachtlijst af:\n${p.link}\n\n${SIGNATURE}`,
  }),
  offerHeld: (e: MailEvent, p: { name: string; until: string; yes: string; no: string }) => ({
    subject: `Er is een plek voor u vrij: ${e.title}`,
    text: `Beste ${p.name},\n\nEr is een plek vrijgekomen en die houden we voor u vast tot ${p.until}.\n\n${facts(e)}\n\nIk kom:\n${p.yes}\n\nIk hoef niet meer:\n${p.no}\n\nReageert u niet voor ${p.until}, dan gaat de plek naar de volgende op de wachtlijst.\n\n${SIGNATURE}`,
  }),
  offerOpen: (e: MailEvent, p: { name: string; yes: string; no: string }) => ({
    subject: `Er is een plek vrij: ${e.title}`,
    text: `Beste ${p.name},\n\nEr is een plek vrijgekomen. Omdat de bijeenkomst binnen 24 uur begint, krijgt iedereen op de wachtlijst dit bericht tegelijk: wie het eerst bevestigt, krijgt de plek.\n\n${facts(e)}\n\nIk kom:\n${p.yes}\n\nIk hoef niet meer:\n${p.no}\n\n${SIGNATURE}`,
  }),
  offerExpired: (e: MailEvent, p: { name: string }) => ({
    subject: `Aanbod verlopen: ${e.title}`,
    text: `Beste ${p.name},\n\nDe plek die we voor u vasthielden voor ${e.title} is verlopen en is doorgegeven aan de volgende op de wachtlijst. U staat niet meer op de wachtlijst; u kunt zich opnieuw aanmelden zolang aanmelden openstaat:\n${e.pageUrl}\n\n${SIGNATURE}`,
  }),
  cancelledByPerson: (e: MailEvent, p: { name: string }) => ({
    subject: `Afgemeld: ${e.title}`,
    text: `Beste ${p.name},\n\nU bent afgemeld voor deze bijeenkomst. Uw plek gaat naar de wachtlijst.\n\n${facts(e)}\n\nDe annulering voor uw agenda zit bij dit bericht.\n\n${SIGNATURE}`,
  }),
  left: (e: MailEvent, p: { name: string }) => ({
    subject: `Van de wachtlijst af: ${e.title}`,
    text: `Beste ${p.name},\n\nU staat niet meer op de wachtlijst voor ${e.title}. U kunt zich opnieuw aanmelden zolang aanmelden openstaat:\n${e.pageUrl}\n\n${SIGNATURE}`,
  }),
  changed: (e: MailEvent, p: { name: string; link: string }) => ({
    subject: `Gewijzigd: ${e.title}`,
    text: `Beste ${p.name},\n\nDe tijd of de plaats van de bijeenkomst is gewijzigd. Dit zijn de nieuwe gegevens:\n\n${facts(e)}\n\nDe bijgewerkte uitnodiging voor uw agenda zit bij dit bericht. Kunt u nu niet meer? Meld u af:\n${p.link}\n\n${SIGNATURE}`,
  }),
  eventCancelled: (e: MailEvent, p: { name: string; reason: string }) => ({
    subject: `Gaat niet door: ${e.title}`,
    text: `Beste ${p.name},\n\nDe bijeenkomst ${e.title} (${e.when}) gaat niet door.\nReden: ${p.reason}\n\nU hoeft niets te doen. Stond de bijeenkomst in uw agenda, dan haalt de bijlage hem eruit.\n\n${SIGNATURE}`,
  }),
  reminder: (e: MailEvent, p: { name: string; text: string; code: string; link: string }) => ({
    subject: `Herinnering: ${e.title}`,
    text: `Beste ${p.name},\n\n${p.text ? `${p.text}\n\n` : ''}${facts(e)}\n\nUw persoonlijke code: ${p.code}\n\nKunt u toch niet? Meld u af, zodat een ander uw plek krijgt:\n${p.link}\n\n${SIGNATURE}`,
  }),
  fill: (e: MailEvent, p: { percent: 80 | 100; taken: number; capacity: number; teamLink: string }) => ({
    subject: `${p.percent === 100 ? 'Vol' : '80% vol'}: ${e.title}`,
    text: `${e.title} (${e.when}) heeft nu ${p.taken} van de ${p.capacity} plaatsen bezet${p.percent === 100 ? ': de bijeenkomst is vol' : ''}.\n\nAanmeldingen bekijken of het aantal plaatsen verhogen:\n${p.teamLink}`,
  }),
};

// ---------------------------------------------------------------- refusals

export const refuse = {
  closed: () =>
    new ConflictError(
      'Aanmelden is gesloten',
      'Voor deze bijeenkomst kunt u zich niet meer aanmelden: de aanmeldtermijn is voorbij of de bijeenkomst is begonnen.',
    ),
  cancelledEvent: () =>
    new ConflictError('Deze bijeenkomst gaat niet door', 'Het programmateam heeft deze bijeenkomst geannuleerd. Er is niets veranderd.'),
  full: () =>
    new ConflictError(
      'De bijeenkomst is vol',
      'Alle plaatsen zijn bezet en deze bijeenkomst heeft geen wachtlijst. Houd de pagina Bijeenkomsten in de gaten voor een volgende.',
    ),
  started: () =>
    new ConflictError('De bijeenkomst is al begonnen', 'Na de start kunt u uw aanmelding niet meer wijzigen. Er is niets veranderd.'),
  offerGone: () =>
    new ConflictError(
      'Dit aanbod geldt niet meer',
      'De plek die we voor u vasthielden is verlopen of al doorgegeven aan de volgende op de wachtlijst. Er is niets veranderd. U kunt zich opnieuw aanmelden zolang aanmelden openstaat.',
    ),
  seatTaken: () =>
    new ConflictError(
      'De plek is al vergeven',
      'Iemand anders op de wachtlijst bevestigde net eerder. U staat nog op de wachtlijst; komt er weer een plek vrij, dan hoort u het.',
    ),
  noOffer: () => new ConflictError('Geen aanbod', 'Er staat voor u op dit moment geen plek klaar. Er is niets veranderd.'),
  notActive: (state: string) => new ConflictError('Niets meer te wijzigen', `Deze aanmelding staat op "${state}". Er is niets veranderd.`),
  badLink: () =>
    new PageError(
      403,
      'Deze link werkt niet',
      'De link is niet compleet of hoort bij een eerdere aanmelding. Gebruik de link uit de laatste e-mail, of log in en ga naar Mijn omgeving.',
    ),
  someoneElse: () =>
    new PageError(
      403,
      'Deze link is van iemand anders',
      'U bent ingelogd met een ander account dan de aanmelding bij deze link. Er is niets veranderd. Log uit om de link te gebruiken, of open hem in het postvak van de persoon voor wie hij bedoeld is.',
    ),
  confirmLinkGone: () =>
    new PageError(
      410,
      'Deze bevestigingslink werkt niet meer',
      'De link is al gebruikt of ouder dan 24 uur. Er is niets veranderd. Meld u opnieuw aan op de pagina van de bijeenkomst.',
    ),
  tooManyRequests: () =>
    new PageError(
      429,
      'Te vaak geprobeerd',
      'Voor dit e-mailadres zijn het afgelopen uur al drie bevestigingslinks verstuurd. Kijk in uw postvak (ook bij ongewenste e-mail), of probeer het over een uur opnieuw.',
    ),
};

/** Already on the list: the page says where the person stands instead. */
export class AlreadyRegisteredError extends ConflictError {
  constructor(
    readonly registrationId: string,
    state: string,
  ) {
    super(
      'U bent al aangemeld',
      `Met dit e-mailadres staat u al ingeschreven voor deze bijeenkomst (${state}). Er is niets dubbel aangemaakt.`,
    );
  }
}

/** How this feature's audit events read (platform/audit/labels.ts). */
export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'event.published': { team: 'Bijeenkomst gepubliceerd' },
  'event.changed': { team: 'Bijeenkomst gewijzigd', detail: (d) => (d.timeOrPlace ? 'tijd of plaats gewijzigd; deelnemers bericht' : '') },
  'event.cancelled': { team: 'Bijeenkomst geannuleerd', detail: (d) => String(d.reason ?? '') },
  'event.registered': { team: 'Aanmelding', detail: (d) => String(d.state ?? '') },
  'event.offered': { team: 'Plek aangeboden' },
  'event.reminded': { team: 'Herinnering verstuurd' },
  'event.attendance': { team: 'Aanwezigheid vastgelegd', detail: (d) => String(d.attendance ?? '') },
};
