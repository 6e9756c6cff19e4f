import { parse } from 'csv-parse/sync';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { bumpCounter } from '../../platform/settings/repo.ts';
import { findImport, insertImport, listInstitutions, markImportApplied, saveInstitutions } from './repo.ts';
import { REFERENCE_VERSION, referenceDataChanged } from './service.ts';

/**
 * Hogescholen from DUO's open data file "Adressen hogescholen en universiteiten"
 * (`01.-instellingen-hbo-en-wo.csv`, semicolon-separated, one row per institution, hbo and wo):
 * read and checked (`readDuoFile`, pure), compared with what is stored (`compareInstitutions`,
 * pure), kept between preview and application, then applied in one transaction. Nothing is
 * deleted: a hogeschool that left the list is marked inactive, since registrations refer to it.
 */

export const DUO_MAX_BYTES = 2 * 1024 * 1024;
const REQUIRED = ['INSTELLINGSCODE', 'INSTELLINGSNAAM', 'PLAATSNAAM', 'PROVINCIE', 'SOORT HO'] as const;

export type DuoInstitution = { brin: string; name: string; city: string; province: string; website: string | null };

const titleCase = (s: string) =>
  s
    .toLowerCase()
    .replace(/(^|[\s\-'(])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())
    .replace(/\b(Van|De|Der|Den|En|Voor|Het)\b/g, (w) => w.toLowerCase())
    .replace(/^(.)/, (c) => c.toUpperCase())
    .replace(/^'S-/, "'s-");
/** DUO writes the province of Friesland in Dutch; the platform uses its official name (as CBS does). */
const province = (raw: string) => (/^friesland$/i.test(raw.trim()) ? 'Fryslân' : titleCase(raw));

function website(raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  const url = /^https?:\/\//i.test(v) ? v : `https://${v}`;
  try {
    return new URL(url).toString().replace(/\/$/, '');
  } catch {
    return null;
  }
}

/** Reads a DUO file: what is wrong on which line, or the hbo institutions in it. */
export function readDuoFile(content: Buffer): { ok: true; rows: DuoInstitution[] } | { ok: false; problems: string[] } {
  if (content.length === 0) return { ok: false, problems: ['Het bestand is leeg.'] };
  if (content.length > DUO_MAX_BYTES)
    return {
      ok: false,
      problems: [
        `Het bestand is ${(content.length / 1024 / 1024).toFixed(1)} MB; het bestand van DUO is kleiner dan 2 MB. Kies het juiste bestand.`,
      ],
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return {
      ok: false,
      problems: [
        'Het bestand is niet in UTF-8 opgeslagen (zoals DUO het publiceert). Open het en sla het op als "CSV UTF-8", of download het opnieuw bij DUO.',
      ],
    };
  }
  text = text.replace(/^\ufeff/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problems: [`Het bestand is geen leesbare CSV${line ? ` (regel ${line})` : ''}.`] };
  }
  const header = (records[0] ?? []).map((h) => h.toUpperCase().replace(/\s+/g, ' ').trim());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      ok: false,
      problems: [`Regel 1: de kopregel mist ${missing.join(', ')}. Is dit het bestand "Adressen hogescholen en universiteiten" van DUO?`],
    };
  const col = (name: string) => header.indexOf(name);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const rows: DuoInstitution[] = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const soort = (r[col('SOORT HO')] ?? '').toLowerCase();
    if (soort !== 'hbo') return;
    const brin = (r[col('INSTELLINGSCODE')] ?? '').toUpperCase();
    const name = r[col('INSTELLINGSNAAM')] ?? '';
    if (!/^\d{2}[A-Z]{2}$/.test(brin)) {
      problems.push(`Regel ${line}: instellingscode "${brin.slice(0, 20)}" is geen code van twee cijfers en twee letters, zoals 07GR.`);
      return;
    }
    if (!name) problems.push(`Regel ${line}: ${brin} heeft geen instellingsnaam.`);
    const earlier = seen.get(brin);
    if (earlier) problems.push(`Regel ${line}: instellingscode ${brin} staat ook al op regel ${earlier}.`);
    seen.set(brin, line);
    rows.push({
      brin,
      name: name.slice(0, 200),
      city: titleCase(r[col('PLAATSNAAM')] ?? '').slice(0, 100),
      province: province(r[col('PROVINCIE')] ?? '').slice(0, 50),
      website: col('INTERNETADRES') >= 0 ? website(r[col('INTERNETADRES')] ?? '') : null,
    });
  });
  if (problems.length) return { ok: false, problems: problems.slice(0, 50) };
  if (rows.length === 0) return { ok: false, problems: ['Er staat geen enkele hogeschool (SOORT HO = hbo) in het bestand.'] };
  return { ok: true, rows };
}

export type InstitutionChange = { brin: string; name: string; fields: { field: string; from: string; to: string }[] };
export type Comparison = {
  added: DuoInstitution[];
  changed: InstitutionChange[];
  gone: { brin: string; name: string }[];
  unchanged: number;
};

const FIELD_LABELS: Record<string, string> = { name: 'naam', city: 'plaats', province: 'provincie', website: 'website' };

/** What applying the file would do: new hogescholen, changed facts, and those no longer in the list. */
export function compareInstitutions(
  current: { brin: string; name: string; city: string; province: string; website: string | null; active: number }[],
  rows: DuoInstitution[],
): Comparison {
  const byBrin = new Map(current.map((c) => [c.brin, c]));
  const inFile = new Set(rows.map((r) => r.brin));
  const added: DuoInstitution[] = [];
  const changed: InstitutionChange[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = byBrin.get(r.brin);
    if (!c) {
      added.push(r);
      continue;
    }
    const fields = (['name', 'city', 'province', 'website'] as const)
      .filter((f) => (c[f] ?? '') !== (r[f] ?? ''))
      .map((f) => ({ field: FIELD_LABELS[f] ?? f, from: c[f] ?? '', to: r[f] ?? '' }));
    if (c.active === 0) fields.push({ field: 'status', from: 'niet actief', to: 'actief' });
    if (fields.length) changed.push({ brin: r.brin, name: r.name, fields });
    else unchanged++;
  }
  const gone = current.filter((c) => c.active === 1 && !inFile.has(c.brin)).map((c) => ({ brin: c.brin, name: c.name }));
  return { added, changed, gone, unchanged };
}

/** Keeps a checked file until it is applied; returns its id. */
export async function keepImport(
  db: Db,
  actor: { id: string },
  filename: string,
  rows: DuoInstitution[],
  now = new Date(),
): Promise<string> {
  const id = newId();
  await insertImport(db, {
    id,
    rows: JSON.stringify(rows),
    filename: filename.slice(0, 200),
    created_by: actor.id,
    created_at: now.toISOString(),
    applied_at: null,
  });
  return id;
}

/** A kept file compared with what is stored now. */
export async function importPreview(db: Db, id: string): Promise<{ filename: string; applied: boolean; comparison: Comparison }> {
  const row = id.length <= 36 ? await findImport(db, id) : undefined;
  if (!row) throw new NotFoundError('import');
  return {
    filename: row.filename,
    applied: row.applied_at !== null,
    comparison: compareInstitutions(await listInstitutions(db), JSON.parse(row.rows)),
  };
}

/** Applies a kept file once: new ones added, changes written, gone ones marked inactive; the lists change in every process. */
export async function applyImport(
  db: Db,
  ctx: { actorUserId: string; config: Pick<Config, 'baseUrl'> },
  id: string,
  now = new Date(),
): Promise<Comparison> {
  const result = await db.transaction().execute(async (trx) => {
    const row = await findImport(trx, id);
    if (!row) throw new NotFoundError('import');
    if (row.applied_at)
      throw new ConflictError('Dit bestand is al toegepast', 'Upload het bestand opnieuw om het te vergelijken met wat nu is opgeslagen.');
    const rows = JSON.parse(row.rows) as DuoInstitution[];
    const comparison = compareInstitutions(await listInstitutions(trx), rows);
    await saveInstitutions(
      trx,
      rows,
      comparison.gone.map((g) => g.brin),
    );
    await markImportApplied(trx, id, now.toISOString());
    await recordAudit(
      trx,
      {
        actorUserId: ctx.actorUserId,
        action: 'reference.institutions_imported',
        subjectType: 'institutions',
        subjectId: id,
        detail: { added: comparison.added.length, changed: comparison.changed.length, gone: comparison.gone.length },
      },
      now,
    );
    await bumpCounter(trx, REFERENCE_VERSION);
    await publicContentChanged(trx);
    return comparison;
  });
  referenceDataChanged(db);
  return result;
}
