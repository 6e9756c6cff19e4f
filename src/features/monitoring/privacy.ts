import { mentionsOnly } from '../../platform/privacy/scrub.ts';

/** Monitors: counts are not personal; the reflection and the team's reopen message may name someone. */
export const monitoringPersonalData = mentionsOnly({
  key: 'monitoring',
  title: 'Monitor',
  what: 'monitorantwoorden (reflectie) en heropenberichten die de persoon noemen',
  tables: [{ table: 'monitor_reports', key: 'id', columns: ['answers', 'reopen_message'] }],
});
