import type { AuditLabel } from '../../platform/audit/labels.ts';
import { outcomeLabel } from './rules.ts';

const SIGNATURE = 'Programmateam Mkb-route in het hbo';

export const MAILS = {
  confirmSignup: (p: { name: string; organisation: string; link: string; hours: number }) => ({
    subject: 'Bevestig de aanmelding van uw organisatie',
    text: `Beste ${p.name},\n\nU meldde ${p.organisation} aan voor het netwerk van Mkb-route in het hbo. Bevestig met deze link dat dit uw e-mailadres is; pas daarna bewaren we de aanmelding:\n\n${p.link}\n\nDe link werkt ${p.hours} uur. Heeft u zich niet aangemeld? Dan hoeft u niets te doen; er wordt niets bewaard.\n\n${SIGNATURE}`,
  }),
  signupConfirmed: (p: { name: string; organisation: string; link: string }) => ({
    subject: `${p.organisation} staat in het netwerk`,
    text: `Beste ${p.name},\n\nDank u. ${p.organisation} is aangemeld; het programmateam bekijkt de gegevens. U kunt ze zelf inzien, aanpassen en uw toestemming voor het netwerkoverzicht intrekken: log in met dit e-mailadres op\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  askOrganisation: (p: {
    name: string;
    organisation: string;
    route: string;
    institution: string;
    note: string;
    link: string;
    reminder: boolean;
  }) => ({
    subject: `${p.reminder ? 'Herinnering: ' : ''}Kennismaken met de route ${p.route}?`,
    text: `Beste ${p.name},\n\nHet programmateam van Mkb-route in het hbo denkt dat ${p.organisation} en de route "${p.route}" van ${p.institution} elkaar verder kunnen helpen.${p.note ? `\n\n${p.note}` : ''}\n\nWilt u kennismaken? Kies op deze pagina ja, nee of "nu niet":\n\n${p.link}\n\nPas als u én de route ja zeggen, sturen we u beiden elkaars contactgegevens. Zegt u nee, dan vragen we het niet opnieuw.\n\n${SIGNATURE}`,
  }),
  askRoute: (p: { organisation: string; route: string; offers: string; note: string; link: string; reminder: boolean }) => ({
    subject: `${p.reminder ? 'Herinnering: ' : ''}Kennismaken met ${p.organisation}?`,
    text: `Beste collega,\n\n${p.organisation} wil graag kennismaken met de route "${p.route}". Zij bieden: ${p.offers}.${p.note ? `\n\n${p.note}` : ''}\n\nWilt u kennismaken? Kies op deze pagina ja of nee:\n\n${p.link}\n\nPas als u ja zegt, sturen we u beiden elkaars contactgegevens.\n\n${SIGNATURE}`,
  }),
  introduced: (p: { organisation: string; route: string; orgContact: string; routeContact: string }) => ({
    subject: `Kennismaking: ${p.organisation} en ${p.route}`,
    text: `Beste beiden,\n\nU zei allebei ja: fijn. Hierbij stellen we u aan elkaar voor.\n\n${p.orgContact}\n\n${p.routeContact}\n\nNeem gerust rechtstreeks contact met elkaar op. Over een tijdje vragen we hoe het is gegaan.\n\n${SIGNATURE}`,
  }),
  askOutcome: (p: { organisation: string; route: string; weeks: number; link: string }) => ({
    subject: `Wat kwam er uit de kennismaking ${p.organisation} – ${p.route}?`,
    text: `Beste collega,\n\n${p.weeks} weken geleden zijn ${p.organisation} en de route "${p.route}" aan elkaar voorgesteld. Leg de uitkomst vast:\n\n${p.link}\n\n${SIGNATURE}`,
  }),
};

export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'organisation.signed_up': { team: 'Aangemeld via het netwerkformulier' },
  'organisation.signed_up_again': { team: 'Opnieuw aangemeld (zelfde KvK-nummer)' },
  'organisation.added': { team: 'Organisatie toegevoegd' },
  'organisation.changed': { team: 'Gegevens van de organisatie gewijzigd' },
  'organisation.merged': { team: 'Samengevoegd', detail: (d) => String(d.role === 'kept' ? 'behouden' : 'opgegaan in een ander record') },
  'organisation.consent_withdrawn': { team: 'Toestemming voor het netwerkoverzicht ingetrokken' },
  'organisation.consent_given': { team: 'Toestemming voor het netwerkoverzicht gegeven' },
  'organisation.link_confirmed': { team: 'Koppeling met een route bevestigd' },
  'introduction.proposed': {
    team: 'Kennismaking voorgesteld',
    detail: (d) => String(d.organisation ?? ''),
    applicant: (d) => `Kennismaking met ${String(d.organisation ?? 'een organisatie')} voorgesteld`,
  },
  'introduction.answered': {
    team: 'Antwoord op een kennismaking',
    detail: (d) => `${d.side === 'org' ? 'organisatie' : 'route'}: ${String(d.answer ?? '')}`,
  },
  'introduction.introduced': {
    team: 'Aan elkaar voorgesteld',
    detail: (d) => String(d.organisation ?? ''),
    applicant: (d) => `Voorgesteld aan ${String(d.organisation ?? 'een organisatie')}`,
  },
  'introduction.outcome': {
    team: 'Uitkomst van een kennismaking',
    detail: (d) => outcomeLabel(String(d.outcome ?? '')),
    applicant: (d) =>
      `Kennismaking met ${String(d.organisation ?? 'een organisatie')}: ${outcomeLabel(String(d.outcome ?? '')).toLowerCase()}`,
  },
};

export const REFUSALS = {
  declinedBefore: 'Deze organisatie of route heeft eerder nee gezegd tegen deze kennismaking; we vragen het niet opnieuw.',
  openAlready: 'Voor deze organisatie en route loopt al een kennismaking.',
  noContact: 'Deze organisatie heeft geen contactpersoon met e-mailadres; vul die eerst in.',
  notLive: 'Deze organisatie is samengevoegd met een andere; stel de andere voor.',
  linkGone: 'Deze link werkt niet (meer). Vraag het programmateam om een nieuwe.',
  answeredAlready: 'Deze vraag is al beantwoord; er is niets veranderd.',
  otherDeclined: 'De kennismaking gaat niet door: de andere kant heeft nee gezegd.',
  tooMany: 'U heeft in het afgelopen uur al drie aanmeldingen verstuurd. Probeer het later opnieuw.',
  confirmGone: 'Deze bevestigingslink werkt niet meer: hij is al gebruikt of verlopen. Meld de organisatie opnieuw aan.',
};
