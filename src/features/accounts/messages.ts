import type { AuditLabel } from '../../platform/audit/labels.ts';

const role = (v: unknown) => ({ applicant: 'aanvrager', team: 'teamlid', admin: 'beheerder' })[String(v)] ?? String(v ?? '');

export const AUDIT_LABELS: Record<string, AuditLabel> = {
  'user.created': { team: 'Account aangemaakt', detail: (d) => role(d.role) },
  'user.role_set': { team: 'Rol gezet (opdrachtregel)', detail: (d) => role(d.role) },
  'user.signed_in': { team: 'Ingelogd', detail: (d) => (d.method === 'surfconext' ? 'via SURFconext' : 'met een e-maillink') },
  'user.signed_out_everywhere': { team: 'Overal uitgelogd', detail: (d) => `${String(d.sessions ?? 0)} sessies` },
  'user.invited': { team: 'Uitgenodigd', detail: (d) => role(d.role) },
  'user.role_changed': { team: 'Rol gewijzigd', detail: (d) => `${role(d.from)} → ${role(d.to)}` },
  'user.disabled': { team: 'Account uitgezet' },
  'user.enabled': { team: 'Account weer aangezet' },
  'user.expertise_saved': { team: 'Expertise opgegeven', detail: (d) => (Array.isArray(d.themes) ? d.themes.join(', ') : '') },
};
