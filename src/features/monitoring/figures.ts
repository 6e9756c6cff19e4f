import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { consentingRoutes } from '../catalogue/index.ts';
import { referenceOptions } from '../reference/index.ts';
import type { Actor } from './monitor.ts';
import { countsOfYear, findYear, insertSnapshot, listSnapshots, submittedAnswers } from './repo.ts';
import { GROUPS, groupLabel, type MonitorAnswers, published } from './rules.ts';

/**
 * The public figures ("in cijfers"): counted over the routes whose hogeschool consented to
 * publication only, and published per year as a snapshot that is never recomputed. A withdrawn
 * consent or an anonymisation later changes what a new count gives, not what was published; the
 * next snapshot lists those corrections.
 */

type Row = { label: string; value: number };

/** What a year's monitor adds: students per target group, companies and supervisors. */
export type YearFigures = {
  /** Consenting routes that submitted the year's monitor. */
  reported: number;
  students: { group: string; label: string; new: number; enrolled: number; graduates: number }[];
  companies: number;
  supervisors: number;
};

export type PublicFigures = YearFigures & {
  year: number;
  /** The catalogue on the day of publication. */
  routes: number;
  institutions: number;
  perProvince: Row[];
  perSector: Row[];
};

export type Correction = { year: number; item: string; was: string; now: string };

export type Snapshot = { year: number; publishedAt: string; figures: PublicFigures; corrections: Correction[] };

async function yearFigures(db: Db, year: number, consenting: Set<string>): Promise<YearFigures> {
  const [counts, reports] = await Promise.all([countsOfYear(db, year), submittedAnswers(db, year)]);
  const students = GROUPS.map((g) => ({ group: g.value, label: g.label, new: 0, enrolled: 0, graduates: 0 }));
  for (const c of counts) {
    if (!consenting.has(c.registration_id)) continue;
    const s = students.find((x) => x.group === c.target_group);
    if (!s) continue;
    s.new += c.new_students;
    s.enrolled += c.enrolled;
    s.graduates += c.graduates;
  }
  let companies = 0;
  let supervisors = 0;
  let reported = 0;
  for (const r of reports) {
    if (!consenting.has(r.registration_id)) continue;
    reported++;
    const a = JSON.parse(r.answers) as MonitorAnswers;
    companies += a.companies ?? 0;
    supervisors += a.supervisors ?? 0;
  }
  return { reported, students, companies, supervisors };
}

function countBy(items: string[], label: (code: string) => string): Row[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts]
    .map(([code, value]) => ({ label: label(code), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'nl'));
}

/** The figures as they would be published for `year` now. */
export async function computeFigures(db: Db, year: number): Promise<PublicFigures> {
  const [routes, options] = await Promise.all([consentingRoutes(db), referenceOptions(db)]);
  const sectorName = new Map(options.sectors.map((s) => [s.value, s.label]));
  const provinceName = new Map(options.provinces.map((p) => [p.value, p.label]));
  const ids = new Set(routes.map((r) => r.id));
  return {
    year,
    routes: routes.length,
    institutions: new Set(routes.map((r) => r.institution)).size,
    perProvince: countBy(
      routes.map((r) => r.province),
      (c) => provinceName.get(c) ?? c,
    ),
    perSector: countBy(
      routes.map((r) => r.sector),
      (c) => sectorName.get(c) ?? c,
    ),
    ...(await yearFigures(db, year, ids)),
  };
}

/** The published items of a year's monitor figures, as shown (with "<5"), for comparing. */
function shownItems(f: YearFigures): Map<string, string> {
  const m = new Map<string, string>();
  m.set('Routes die de monitor indienden', published(f.reported));
  for (const s of f.students) {
    m.set(`Nieuwe studenten, ${s.label}`, published(s.new));
    m.set(`Ingeschreven studenten, ${s.label}`, published(s.enrolled));
    m.set(`Gediplomeerden, ${s.label}`, published(s.graduates));
  }
  m.set('Betrokken mkb-bedrijven', published(f.companies));
  m.set('Praktijkbegeleiders', published(f.supervisors));
  return m;
}

/** What a new count of each earlier published year gives differently from what was published. */
async function correctionsSince(db: Db, earlier: Snapshot[]): Promise<Correction[]> {
  const ids = new Set((await consentingRoutes(db)).map((r) => r.id));
  const out: Correction[] = [];
  for (const s of earlier) {
    const was = shownItems(s.figures);
    const now = shownItems(await yearFigures(db, s.year, ids));
    for (const [item, value] of was) {
      const current = now.get(item) ?? '0';
      if (current !== value) out.push({ year: s.year, item, was: value, now: current });
    }
  }
  return out;
}

const parse = (row: Awaited<ReturnType<typeof listSnapshots>>[number]): Snapshot => ({
  year: row.year,
  publishedAt: row.published_at,
  figures: JSON.parse(row.figures) as PublicFigures,
  corrections: JSON.parse(row.corrections) as Correction[],
});

/** Every published year, newest first. */
export async function snapshots(db: Db): Promise<Snapshot[]> {
  return (await listSnapshots(db)).map(parse);
}

/** What publishing `year` would publish now, with the corrections to earlier years (the team's preview). */
export async function previewSnapshot(db: Db, year: number): Promise<{ figures: PublicFigures; corrections: Correction[] }> {
  const earlier = (await snapshots(db)).filter((s) => s.year < year);
  return { figures: await computeFigures(db, year), corrections: await correctionsSince(db, earlier) };
}

/**
 * Publishes a year's figures once: the counts as they are now, frozen, with the corrections to
 * earlier published years. The public page, its CSV and the API change at once.
 */
export async function publishSnapshot(db: Db, actor: Actor, year: number, now = new Date()): Promise<Snapshot> {
  if (!(await findYear(db, year))) throw new NotFoundError('year');
  const { figures, corrections } = await previewSnapshot(db, year);
  return db.transaction().execute(async (trx) => {
    const fresh = await insertSnapshot(trx, {
      year,
      published_at: now.toISOString(),
      published_by: actor.id,
      figures: JSON.stringify(figures),
      corrections: JSON.stringify(corrections),
    });
    if (!fresh)
      throw new ConflictError(
        `De cijfers over ${year} zijn al gepubliceerd`,
        'Gepubliceerde cijfers veranderen niet meer. Correcties verschijnen bij de publicatie van het volgende jaar.',
      );
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'monitor.published', subjectType: 'monitor', subjectId: String(year), detail: { year } },
      now,
    );
    await publicContentChanged(trx);
    return { year, publishedAt: now.toISOString(), figures, corrections };
  });
}

/** One published year as CSV rows: year, figure, category, value (with "<5"). */
export function snapshotRows(s: Snapshot): [string, string, string, string][] {
  const y = String(s.year);
  const f = s.figures;
  const rows: [string, string, string, string][] = [
    [y, 'Routes met toestemming voor publicatie', 'Totaal', published(f.routes)],
    [y, 'Hogescholen', 'Totaal', published(f.institutions)],
    ...f.perProvince.map((r): [string, string, string, string] => [y, 'Routes per provincie', r.label, published(r.value)]),
    ...f.perSector.map((r): [string, string, string, string] => [y, 'Routes per sector', r.label, published(r.value)]),
    [y, 'Routes die de monitor indienden', 'Totaal', published(f.reported)],
  ];
  for (const s2 of f.students) {
    rows.push([y, 'Nieuwe studenten', groupLabel(s2.group), published(s2.new)]);
    rows.push([y, 'Ingeschreven studenten', groupLabel(s2.group), published(s2.enrolled)]);
    rows.push([y, 'Gediplomeerden', groupLabel(s2.group), published(s2.graduates)]);
  }
  rows.push([y, 'Betrokken mkb-bedrijven', 'Totaal', published(f.companies)]);
  rows.push([y, 'Praktijkbegeleiders', 'Totaal', published(f.supervisors)]);
  return rows;
}
