import type { AuditLabel } from '../../platform/audit/labels.ts';

const SIGNATURE = 'Programmateam Mkb-route in het hbo';
const dayFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A yyyy-mm-dd day written out ("15 januari 2027"). */
export function formatDate(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

type RouteMail = { title: string; route: string; deadline: string; link: string };

export const MAILS = {
  opened: (p: RouteMail) => ({
    subject: `${p.title}: cijfers van ${p.route}`,
    text: `Beste collega,\n\nHet programma vraagt elke deelnemende route één keer per jaar om een paar cijfers: studenten per doelgroep, bedrijven, praktijkbegeleiders en een korte terugblik. Zo laten we samen zien hoe werkend leren in het mkb groeit.\n\nVul de monitor van "${p.route}" in vóór ${formatDate(p.deadline)}. De cijfers van vorig jaar staan er al in als u die gaf; u past aan wat veranderd is. Tussendoor opslaan kan per stap.\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  reminderBefore: (p: RouteMail) => ({
    subject: `Herinnering: ${p.title} vóór ${formatDate(p.deadline)}`,
    text: `Beste collega,\n\nDe monitor van "${p.route}" is nog niet ingediend. De termijn loopt tot en met ${formatDate(p.deadline)}.\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  reminderAfter: (p: RouteMail) => ({
    subject: `${p.title}: de termijn is verstreken`,
    text: `Beste collega,\n\nDe termijn van de monitor liep tot en met ${formatDate(p.deadline)}, en die van "${p.route}" is nog niet ingediend. Indienen kan nog steeds; hij wordt dan als te laat gemarkeerd.\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  reopened: (p: RouteMail & { fields: string[]; message: string }) => ({
    subject: `${p.title}: graag een aanpassing voor ${p.route}`,
    text: `Beste collega,\n\nHet programmateam heeft in de monitor van "${p.route}" deze onderdelen opengezet:\n${p.fields.map((f) => `- ${f}`).join('\n')}\n\nDe toelichting van het team:\n${p.message}\n\nPas ze aan en dien de monitor opnieuw in:\n${p.link}\n\n${SIGNATURE}`,
  }),
  submitted: (p: RouteMail & { late: boolean }) => ({
    subject: `Ontvangen: ${p.title} van ${p.route}`,
    text: `Beste collega,\n\nDank u wel: de monitor van "${p.route}" is ingediend${p.late ? ' (na de termijn)' : ''}. U kunt hem teruglezen op:\n${p.link}\n\n${SIGNATURE}`,
  }),
};

export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'monitor.year_opened': { team: 'Monitorjaar geopend', detail: (d) => `${String(d.routes ?? 0)} routes` },
  'monitor.submitted': {
    team: 'Monitor ingediend',
    detail: (d) => `${String(d.year ?? '')}${d.late ? ', na de termijn' : ''}`,
    applicant: (d) => `Monitor ${String(d.year ?? '')} ingediend${d.late ? ' (na de termijn)' : ''}`,
  },
  'monitor.reopened': {
    team: 'Monitor opengezet voor een aanpassing',
    detail: (d) => (Array.isArray(d.fields) ? d.fields.join(', ') : ''),
    applicant: (d) => `Monitor ${String(d.year ?? '')} opengezet voor een aanpassing`,
  },
  'monitor.published': { team: 'Cijfers gepubliceerd', detail: (d) => String(d.year ?? '') },
};
