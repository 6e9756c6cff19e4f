import type { Db } from '../../db/connect.ts';
import { auditLabel } from '../../platform/audit/labels.ts';
import { type AuditFilters, peopleNamed, searchAudit } from '../../platform/audit/repo.ts';
import { registrationIdByReference, registrationSummaries } from '../registrations/index.ts';

export const AUDIT_PAGE = 50;

export type AuditQuery = { wie: string; actie: string; soort: string; object: string; van: string; tot: string };

export type AuditRow = { at: string; who: string; action: string; label: string; detail: string; object: string };

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** The query string as filters; a period that cannot be read is reported, not guessed. */
export function readAuditQuery(q: Record<string, unknown>): { query: AuditQuery; problems: string[] } {
  const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim().slice(0, 200) : '');
  const query: AuditQuery = {
    wie: str('wie'),
    actie: str('actie'),
    soort: str('soort'),
    object: str('object'),
    van: str('van'),
    tot: str('tot'),
  };
  const problems: string[] = [];
  if (query.van && !isDay(query.van)) problems.push(`De begindatum "${query.van}" is geen datum (jjjj-mm-dd); hij is niet gebruikt.`);
  if (query.tot && !isDay(query.tot)) problems.push(`De einddatum "${query.tot}" is geen datum (jjjj-mm-dd); hij is niet gebruikt.`);
  return { query, problems };
}

/** The filters for the database: a registration's reference (MKB-2026-0042) stands for its id. */
async function filtersOf(db: Db, q: AuditQuery): Promise<AuditFilters> {
  let subjectIds: string[] | undefined;
  if (q.object) {
    const byReference = /^MKB-\d{4}-\d{4}$/i.test(q.object) ? await registrationIdByReference(db, q.object) : null;
    subjectIds = byReference ? [byReference] : [q.object];
  }
  return {
    who: q.wie ? q.wie.toLowerCase() : undefined,
    action: q.actie || undefined,
    subjectType: q.soort || undefined,
    subjectIds,
    from: isDay(q.van) ? q.van : undefined,
    to: isDay(q.tot) ? q.tot : undefined,
  };
}

/** One page of the log (or all of it for the CSV), each event as the team reads it. */
export async function auditLog(db: Db, q: AuditQuery, page: number, all = false) {
  const filters = await filtersOf(db, q);
  const limit = all ? 100_000 : AUDIT_PAGE;
  const { rows, total } = await searchAudit(db, filters, limit, all ? 0 : (page - 1) * AUDIT_PAGE);
  const registrations = await registrationSummaries(
    db,
    rows.filter((r) => r.subject_type === 'registration').map((r) => r.subject_id),
  );
  const details = rows.map((r) => (r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {}));
  const name = await peopleNamed(db, details);
  const out: AuditRow[] = rows.map((r, i) => {
    const label = auditLabel(r.action);
    const d = details[i] ?? {};
    const reg = r.subject_type === 'registration' ? registrations.get(r.subject_id) : undefined;
    return {
      at: r.at,
      who: r.actor_user_id ? (r.actor_name ?? r.actor_email ?? 'verwijderde gebruiker') : 'systeem',
      action: r.action,
      label: label?.team ?? r.action,
      detail: label?.detail?.(d, name) ?? '',
      // What the event is about, by its identifier: it stays readable after the object is gone.
      object: reg ? `aanmelding ${reg.reference ?? r.subject_id}` : `${r.subject_type} ${r.subject_id}`,
    };
  });
  return { rows: out, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)) };
}
