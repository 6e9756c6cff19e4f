import type { AuditLabel } from '../../platform/audit/labels.ts';

const SIGNATURE = 'Programmateam Mkb-route in het hbo';
const dayFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A yyyy-mm-dd day written out ("30 november 2026"). */
export function formatDate(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export const MAILS = {
  review: (p: { title: string; due: string | null; reason: string | null; link: string }) => ({
    subject: `Beoordeling nodig: ${p.title}`,
    text: `Beste collega,\n\nU bent eigenaar van het hoofdstuk "${p.title}" van de handreiking. ${
      p.reason ?? `De datum voor de volgende beoordeling (${p.due ? formatDate(p.due) : 'onbekend'}) is verstreken.`
    }\n\nLees het hoofdstuk na en pas het aan, of bevestig dat het nog klopt:\n${p.link}\n\n${SIGNATURE}`,
  }),
};

export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'knowledge.created': { team: 'Kennisstuk aangemaakt' },
  'knowledge.saved': { team: 'Nieuwe versie opgeslagen', detail: (d) => `versie ${String(d.revision ?? '')}` },
  'knowledge.published': { team: 'Gepubliceerd' },
  'knowledge.unpublished': { team: 'Gedepubliceerd' },
  'knowledge.restored': {
    team: 'Oude versie teruggezet',
    detail: (d) => `versie ${String(d.from ?? '')} als versie ${String(d.revision ?? '')}`,
  },
  'knowledge.reviewed': { team: 'Hoofdstuk beoordeeld' },
  'knowledge.file_added': { team: 'Bestand toegevoegd' },
  'knowledge.theme_page_saved': { team: 'Themapagina aangepast' },
  'knowledge.parts_saved': { team: 'Delen van de handreiking aangepast' },
};
