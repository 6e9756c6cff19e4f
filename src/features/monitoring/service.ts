import type { Db } from '../../db/connect.ts';
import { auditEventsAfter, auditEventsWithActions, countAuditEvents } from '../../platform/audit/repo.ts';
import { dataVersion, ViewCache } from '../../platform/view-cache.ts';
import { attendanceOfPastEvents } from '../events/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { admittedRoutesPerProvince, admittedRoutesPerSector, registrationsPerState, STATE_LABELS } from '../registrations/index.ts';
import { OUTCOMES, supportOutcomes } from '../support/index.ts';
import { decisionTimes, kickoffsInTime, submissionsPerMonth, summariseDecisions, type TrailEvent } from './metrics.ts';
import { enrolledPerYear, submittedPerYear } from './repo.ts';
import { GROUPS } from './rules.ts';

/** Days within which a kick-off should follow acceptance (the figure's norm). */
export const KICKOFF_DAYS = 14;

/**
 * One figure of the dashboard: its rows are computed once, and the chart, the table and the CSV
 * are all drawn from these same rows (a test holds them to it).
 */
export type Figure = {
  key: string;
  title: string;
  /** One sentence: what is counted, from what. */
  definition: string;
  /** The figure in words, for those who do not see the chart. */
  summary: string;
  /** bars: one bar per row; line: one line over the rows; lines: one line per value column; stacked: a bar per row split by value column (a key names the columns). */
  chart: 'bars' | 'line' | 'lines' | 'stacked';
  /** The label column, then one column per value. */
  columns: string[];
  rows: { label: string; values: number[] }[];
};

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthLabel = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
/** The audit events the trail figures read; the migration 2026-11-30T1100 watches the same list (a test holds them together). */
export const ACTIONS = [
  'registration.submitted',
  'registration.info_requested',
  'registration.accepted',
  'registration.declined',
  'registration.withdrawn',
  'kickoff.held',
];

export const FIGURE_KEYS = [
  'status',
  'per-maand',
  'doorlooptijd',
  'startgesprek',
  'sectoren',
  'provincies',
  'studenten',
  'ondersteuning',
  'bijeenkomsten',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

type TrailMemory = { version: string; events: TrailEvent[]; maxSeq: number };
const trailMemory = new WeakMap<Db, Promise<TrailMemory>>();

/**
 * The trail events the figures read, kept per process: after a change to the trail only the events
 * written since are read and added (by write order), and the whole trail is read again when the
 * number of events does not add up (a removal, a VACUUM that renumbered, a transaction that
 * committed out of order). Five years are 24,000 events: reading them all took 30 ms and their
 * garbage most of the rest (bench/RESULTS.md).
 */
async function trailEvents(db: Db, version: string): Promise<TrailEvent[]> {
  // No counter (a database the migration has not reached): nothing is kept.
  if (version === '0') return auditEventsWithActions(db, 'registration', ACTIONS);
  const previous = await trailMemory.get(db);
  if (previous?.version === version) return previous.events;
  const next = (async (): Promise<TrailMemory> => {
    const total = await countAuditEvents(db, 'registration', ACTIONS);
    if (previous) {
      const added = await auditEventsAfter(db, 'registration', ACTIONS, previous.maxSeq);
      if (previous.events.length + added.length === total) {
        const last = previous.events.at(-1)?.at ?? '';
        const events = previous.events.concat(added);
        // Written with an earlier time than the last one kept: put back in the trail's order.
        if (added.some((e) => e.at < last)) events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        return { version, events, maxSeq: added.reduce((m, e) => Math.max(m, Number(e.seq)), previous.maxSeq) };
      }
    }
    const events = await auditEventsWithActions(db, 'registration', ACTIONS);
    return { version, events, maxSeq: events.reduce((m, e) => Math.max(m, Number(e.seq)), 0) };
  })();
  trailMemory.set(db, next);
  try {
    return (await next).events;
  } catch (error) {
    trailMemory.delete(db);
    throw error;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The figures are kept per process under `assessment_version`, which the database raises with every
 * audit event and every change to registrations (ADR 010), and per hour of the clock (the month
 * window, the kick-offs that are due and the events that have ended move with time alone).
 */
const kept = new ViewCache<Figure[]>('assessment_version', 24);

/**
 * What the figures read from five years of the audit trail (new registrations per month, time to
 * decision, kick-offs in time) is kept apart, under `trail_version`: the database raises it only
 * when an event of `ACTIONS` is added (or any removed), so the far more frequent other changes
 * (a comment, an assignment, a mail sent) do not read the whole trail again.
 */
const trailKept = new ViewCache<TrailFigures>('trail_version', 24);
type TrailFigures = {
  months: ReturnType<typeof submissionsPerMonth>;
  decisions: ReturnType<typeof summariseDecisions>;
  kickoffs: ReturnType<typeof kickoffsInTime>;
};

async function trailFigures(db: Db, now: Date): Promise<TrailFigures> {
  const version = await dataVersion(db, 'trail_version');
  return trailKept.get(
    db,
    now.toISOString().slice(0, 13),
    async () => {
      const events = await trailEvents(db, version);
      return {
        months: submissionsPerMonth(events, now, 12),
        decisions: summariseDecisions(decisionTimes(events)),
        kickoffs: kickoffsInTime(events, now, KICKOFF_DAYS),
      };
    },
    version,
  );
}

/** Every figure of the team dashboard, at `now`. */
export async function dashboard(db: Db, now = new Date()): Promise<Figure[]> {
  return kept.get(db, now.toISOString().slice(0, 13), () => computeDashboard(db, now));
}

async function computeDashboard(db: Db, now: Date): Promise<Figure[]> {
  const [states, fromTrail, sectors, provinces, options, meetings, reports, support] = await Promise.all([
    registrationsPerState(db),
    trailFigures(db, now),
    admittedRoutesPerSector(db),
    admittedRoutesPerProvince(db),
    referenceOptions(db),
    attendanceOfPastEvents(db, now),
    monitorSums(db),
    supportOutcomes(db),
  ]);
  const figures: Figure[] = [];

  const inProgress = states.filter((s) => s.state !== 'draft' && s.state !== 'withdrawn').reduce((n, s) => n + s.count, 0);
  figures.push({
    key: 'status',
    title: 'Aanmeldingen per status',
    definition: 'Het aantal aanmeldingen dat nu in elke status staat, concepten (nog niet ingediend) meegeteld.',
    summary: `${plural(inProgress, 'aanmelding is', 'aanmeldingen zijn')} ingediend en niet ingetrokken; ${plural(
      states.find((s) => s.state === 'draft')?.count ?? 0,
      'concept',
      'concepten',
    )}.`,
    chart: 'bars',
    columns: ['Status', 'Aanmeldingen'],
    rows: states.map((s) => ({ label: STATE_LABELS[s.state], values: [s.count] })),
  });

  const months = fromTrail.months;
  const total = months.reduce((n, m) => n + m.count, 0);
  const busiest = [...months].sort((a, b) => b.count - a.count)[0];
  figures.push({
    key: 'per-maand',
    title: 'Nieuwe aanmeldingen per maand',
    definition:
      'Aanmeldingen die in die maand voor het eerst zijn ingediend (een aanvulling telt niet opnieuw), de laatste twaalf maanden.',
    summary:
      total === 0
        ? 'Nog geen gegevens: in de laatste twaalf maanden is niets ingediend.'
        : `${plural(total, 'aanmelding', 'aanmeldingen')} in twaalf maanden; de drukste maand was ${monthLabel(busiest?.month ?? '')} met ${busiest?.count}.`,
    chart: 'line',
    columns: ['Maand', 'Ingediend'],
    rows: months.map((m) => ({ label: monthLabel(m.month), values: [m.count] })),
  });

  const d = fromTrail.decisions;
  figures.push({
    key: 'doorlooptijd',
    title: 'Doorlooptijd tot besluit',
    definition:
      'Dagen van de eerste indiening tot het besluit (toegelaten of afgewezen), over alle besluiten; de tijd dat een aanvulling bij de aanvrager lag staat apart.',
    summary:
      d.count === 0
        ? 'Nog geen gegevens: er is nog geen besluit genomen.'
        : `Over ${plural(d.count, 'besluit', 'besluiten')}: de helft binnen ${d.median} dagen, negen op de tien binnen ${d.p90} dagen; daarvan lag een aanmelding in de helft van de gevallen ${d.medianWaiting} dagen bij de aanvrager.`,
    chart: 'bars',
    columns: ['Maat', 'Dagen'],
    rows:
      d.count === 0
        ? []
        : [
            { label: 'Mediaan, totaal', values: [d.median ?? 0] },
            { label: '90e percentiel, totaal', values: [d.p90 ?? 0] },
            { label: 'Mediaan, bij het team', values: [d.medianWithTeam ?? 0] },
            { label: 'Mediaan, wachten op de aanvrager', values: [d.medianWaiting ?? 0] },
          ],
  });

  const k = fromTrail.kickoffs;
  figures.push({
    key: 'startgesprek',
    title: `Startgesprek binnen ${KICKOFF_DAYS} dagen na toelating`,
    definition: `Van de routes die minstens ${KICKOFF_DAYS} dagen geleden zijn toegelaten: bij hoeveel het startgesprek binnen ${KICKOFF_DAYS} dagen is gehouden.`,
    summary:
      k.due === 0
        ? `Nog geen gegevens: geen route is al ${KICKOFF_DAYS} dagen toegelaten.`
        : `${k.inTime} van de ${k.due} routes (${Math.round((k.inTime / k.due) * 100)} %) hielden het startgesprek op tijd.`,
    chart: 'bars',
    columns: ['Uitkomst', 'Routes'],
    rows:
      k.due === 0
        ? []
        : [
            { label: `Binnen ${KICKOFF_DAYS} dagen`, values: [k.inTime] },
            { label: 'Later of nog niet', values: [k.due - k.inTime] },
          ],
  });

  const names = new Map(options.sectors.map((s) => [s.value, s.label]));
  const admitted = sectors.reduce((n, s) => n + s.count, 0);
  figures.push({
    key: 'sectoren',
    title: 'Toegelaten routes per sector',
    definition: 'Routes die zijn toegelaten of deelnemer zijn, naar de sector die de hogeschool in de aanmelding opgaf.',
    summary:
      admitted === 0
        ? 'Nog geen gegevens: er is nog geen route toegelaten.'
        : `${plural(admitted, 'route', 'routes')} in ${plural(sectors.length, 'sector', 'sectoren')}; de meeste in ${names.get(sectors[0]?.sector ?? '') ?? 'onbekend'}.`,
    chart: 'bars',
    columns: ['Sector', 'Routes'],
    rows: sectors.map((s) => ({ label: s.sector ? (names.get(s.sector) ?? s.sector) : 'Geen sector opgegeven', values: [s.count] })),
  });

  const provinceNames = new Map(options.provinces.map((p) => [p.value, p.label]));
  figures.push({
    key: 'provincies',
    title: 'Toegelaten routes per provincie',
    definition: 'Routes die zijn toegelaten of deelnemer zijn, naar de provincie die de hogeschool in de aanmelding opgaf.',
    summary:
      admitted === 0
        ? 'Nog geen gegevens: er is nog geen route toegelaten.'
        : `${plural(admitted, 'route', 'routes')} in ${plural(provinces.filter((p) => p.province).length, 'provincie', 'provincies')}; de meeste in ${provinceNames.get(provinces[0]?.province ?? '') ?? 'onbekend'}.`,
    chart: 'bars',
    columns: ['Provincie', 'Routes'],
    rows: provinces.map((p) => ({
      label: p.province ? (provinceNames.get(p.province) ?? p.province) : 'Geen provincie opgegeven',
      values: [p.count],
    })),
  });

  figures.push(studentsFigure(reports));
  figures.push(supportFigure(support, options.themes));

  const came = meetings.reduce((n, m) => n + m.present, 0);
  const seats = meetings.reduce((n, m) => n + m.confirmed, 0);
  figures.push({
    key: 'bijeenkomsten',
    title: 'Aanwezigheid bij bijeenkomsten',
    definition: 'Per afgelopen bijeenkomst (de laatste acht): hoeveel mensen als aanwezig zijn geregistreerd.',
    summary:
      meetings.length === 0
        ? 'Nog geen gegevens: er is nog geen bijeenkomst afgelopen.'
        : `${came} van de ${seats} mensen met een plek kwamen naar ${meetings.length === 1 ? 'de laatste bijeenkomst' : `de laatste ${meetings.length} bijeenkomsten`}.`,
    chart: 'bars',
    columns: ['Bijeenkomst', 'Aanwezig'],
    rows: meetings.map((m) => ({
      label: `${m.title} (${m.startsAt.slice(8, 10)}-${m.startsAt.slice(5, 7)}-${m.startsAt.slice(0, 4)})`,
      values: [m.present],
    })),
  });
  return figures;
}

/** What the students figure needs, summed in the database. */
async function monitorSums(db: Db) {
  const [enrolled, reports] = await Promise.all([enrolledPerYear(db), submittedPerYear(db)]);
  return { enrolled, reports: reports.map((r) => ({ year: Number(r.year), n: Number(r.n) })) };
}

/** Enrolled students per target group per monitor year, from the submitted monitors (every route, not only consenting ones). */
export function studentsFigure(sums: Awaited<ReturnType<typeof monitorSums>>): Figure {
  const years = sums.reports.map((r) => r.year).sort((a, b) => a - b);
  const sum = (year: number, group: string) => sums.enrolled.find((e) => e.year === year && e.group === group)?.n ?? 0;
  const last = years.at(-1);
  const lastRow = last === undefined ? [] : GROUPS.map((g) => sum(last, g.value));
  const total = lastRow.reduce((n, v) => n + v, 0);
  const top = GROUPS[lastRow.indexOf(Math.max(...lastRow))];
  return {
    key: 'studenten',
    title: 'Ingeschreven studenten per doelgroep',
    definition: 'Per monitorjaar: de ingeschreven studenten die de routes in hun ingediende monitor opgaven, per doelgroep.',
    summary:
      last === undefined
        ? 'Nog geen gegevens: er is nog geen monitor ingediend.'
        : `In ${last} stonden ${plural(total, 'student', 'studenten')} ingeschreven volgens ${plural(
            sums.reports.find((r) => r.year === last)?.n ?? 0,
            'monitor',
            'monitors',
          )}; de grootste doelgroep was ${top?.label.toLowerCase() ?? 'onbekend'}.`,
    chart: 'lines',
    columns: ['Jaar', ...GROUPS.map((g) => g.label)],
    rows: years.map((y) => ({ label: String(y), values: GROUPS.map((g) => sum(y, g.value)) })),
  };
}

/** Support requests per theme, by outcome (still open apart), over every request so far. */
export function supportFigure(requests: { theme: string; outcome: string | null }[], themes: { value: string; label: string }[]): Figure {
  const outcomes = Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[];
  const used = themes.filter((t) => requests.some((r) => r.theme === t.value));
  const rows = used.map((t) => {
    const of = requests.filter((r) => r.theme === t.value);
    return {
      label: t.label,
      values: [of.filter((r) => r.outcome === null).length, ...outcomes.map((o) => of.filter((r) => r.outcome === o).length)],
    };
  });
  const open = requests.filter((r) => r.outcome === null).length;
  const busiest = [...rows].sort((a, b) => b.values.reduce((n, v) => n + v, 0) - a.values.reduce((n, v) => n + v, 0))[0];
  return {
    key: 'ondersteuning',
    title: 'Ondersteuningsvragen per thema en uitkomst',
    definition: 'Alle ondersteuningsvragen tot nu toe, per thema: hoeveel nog open zijn en met welke uitkomst de andere zijn afgesloten.',
    summary:
      requests.length === 0
        ? 'Nog geen gegevens: er is nog geen ondersteuningsvraag gesteld.'
        : `${plural(requests.length, 'vraag', 'vragen')}, waarvan ${open} open; de meeste over ${busiest?.label.toLowerCase() ?? 'onbekend'}.`,
    chart: 'stacked',
    columns: ['Thema', 'Open', ...outcomes.map((o) => OUTCOMES[o])],
    rows,
  };
}
