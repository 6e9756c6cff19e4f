import type { AuditLabel } from '../../platform/audit/labels.ts';

const SIGNATURE = 'Programmateam Mkb-route in het hbo';
const REPLY = 'U kunt op deze mail antwoorden; uw antwoord komt in dezelfde vraag terecht. Laat de onderwerpregel staan.';

export const MAILS = {
  received: (p: { reference: string; subject: string; route: string; link: string }) => ({
    subject: `[${p.reference}] ${p.subject}`,
    text: `Beste collega,\n\nUw vraag "${p.subject}" over ${p.route} is ontvangen (${p.reference}). Een adviseur van het programmateam neemt haar op en antwoordt hier.\n\nDe vraag en alle berichten: ${p.link}\n\n${REPLY}\n\n${SIGNATURE}`,
  }),
  assigned: (p: { reference: string; subject: string; link: string }) => ({
    subject: `U bent adviseur voor ${p.reference}: ${p.subject}`,
    text: `Beste collega,\n\nU bent adviseur voor de ondersteuningsvraag ${p.reference}, "${p.subject}".\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  message: (p: { reference: string; subject: string; author: string; team: boolean; body: string; link: string }) => ({
    subject: `[${p.reference}] ${p.subject}`,
    text: `${p.author}${p.team ? ' (programmateam)' : ''} schreef:\n\n${p.body}\n\n—\nDe vraag en alle berichten: ${p.link}\n${REPLY}`,
  }),
  closed: (p: { reference: string; subject: string; outcome: string; summary: string; days: number; link: string }) => ({
    subject: `[${p.reference}] Afgesloten: ${p.subject}`,
    text: `Beste collega,\n\nUw vraag "${p.subject}" is afgesloten.\n\nUitkomst: ${p.outcome}\n${p.summary}\n\nIs uw vraag toch niet beantwoord? Antwoord dan binnen ${p.days} dagen op deze mail of op de pagina van de vraag; dan gaat zij weer open.\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  unassigned: (p: { reference: string; subject: string; link: string }) => ({
    subject: `Nog zonder adviseur: ${p.reference} ${p.subject}`,
    text: `Beste collega,\n\nDe ondersteuningsvraag ${p.reference}, "${p.subject}", heeft na een werkdag nog geen adviseur.\n\n${p.link}\n\n${SIGNATURE}`,
  }),
  target: (p: { reference: string; subject: string; what: string; due: string; link: string }) => ({
    subject: `${p.reference}: ${p.what} uiterlijk ${p.due}`,
    text: `Beste collega,\n\nVoor de ondersteuningsvraag ${p.reference}, "${p.subject}", is ${p.what} uiterlijk ${p.due} afgesproken.\n\n${p.link}\n\n${SIGNATURE}`,
  }),
};

export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'support.requested': {
    team: 'Ondersteuning gevraagd',
    detail: (d) => String(d.reference ?? ''),
    applicant: (d) => `Ondersteuningsvraag ${String(d.reference ?? '')} gesteld`,
  },
  'support.assigned': { team: 'Adviseur toegewezen' },
  'support.reopened': {
    team: 'Ondersteuningsvraag heropend',
    detail: (d) => String(d.reference ?? ''),
    applicant: (d) => `Ondersteuningsvraag ${String(d.reference ?? '')} heropend`,
  },
  'support.closed': {
    team: 'Ondersteuningsvraag afgesloten',
    detail: (d) => `${String(d.reference ?? '')}: ${String(d.outcome ?? '')}`,
    applicant: (d) => `Ondersteuningsvraag ${String(d.reference ?? '')} afgesloten`,
  },
};
