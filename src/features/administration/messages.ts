import type { AuditLabel } from '../../platform/audit/labels.ts';

export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'settings.changed': {
    team: 'Instelling gewijzigd',
    detail: (d) =>
      `${String(d.key ?? '')}: ${d.from === null ? 'standaard' : String(d.from)} → ${d.to === null ? 'standaard' : String(d.to)}`,
  },
  'privacy.erased': { team: 'Gegevens van een persoon verwijderd (AVG)' },
  'privacy.exported': { team: 'Gegevens van een persoon geëxporteerd (AVG)' },
};
