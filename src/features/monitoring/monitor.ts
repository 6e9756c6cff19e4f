import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.tsx';
import type { EventContext } from '../../platform/events.ts';
import { breathe } from '../../platform/jobs/run.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { readSetting, type SettingDefinition } from '../../platform/settings/registry.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import {
  type AcceptedRegistration,
  admittedRegistrations,
  contactsOf,
  type Registration,
  registrationById,
  registrationsOfInstitution,
} from '../registrations/index.ts';
import { MAILS } from './messages.ts';
import {
  claimReminder,
  findReport,
  findYear,
  findYears,
  insertReport,
  insertYear,
  lastSubmitted,
  lockReport,
  remindable,
  replaceCounts,
  reportsOfRoutes,
  updateReport,
  yearsOpenOn,
} from './repo.ts';
import {
  dutchDay,
  editableFields,
  emptyAnswers,
  FIELDS,
  fieldLabel,
  isLate,
  type MonitorAnswers,
  missing,
  type ReportState,
  readStep,
  reminderDue,
  type StepSlug,
} from './rules.ts';

export type Actor = { id: string };
type MailConfig = Pick<Config, 'baseUrl'>;

/** Days before the deadline the first reminder goes out. */
export const MONITOR_REMINDER_SETTING: SettingDefinition = {
  key: 'monitor_reminder_days',
  label: 'Herinnering vóór de termijn van de monitor',
  description: 'Zoveel dagen voor de termijn krijgen routes die nog niet indienden een herinnering (en de dag na de termijn nog één).',
  unit: 'dagen',
  default: 14,
  min: 0,
  max: 60,
};

export type Report = {
  id: string;
  year: number;
  title: string;
  deadline: string;
  registrationId: string;
  route: string;
  reference: string | null;
  institutionBrin: string;
  state: ReportState;
  answers: MonitorAnswers;
  stepsDone: string[];
  prefilled: boolean;
  reopenedFields: string[] | null;
  reopenMessage: string | null;
  submittedAt: string | null;
  late: boolean;
  /** What the route expected in its registration: new students a year, companies. */
  expected: { students: number | null; companies: number | null };
};

const routeName = (reg: Pick<Registration, 'title' | 'reference'>) => reg.title ?? reg.reference ?? 'uw route';
const reportLink = (config: MailConfig, id: string) => `${config.baseUrl}/mijn/monitor/${id}`;
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/** A route's report for a year: last year's submitted answers taken over when there are any. */
async function createReport(trx: Trx, reg: Registration, year: number, now: Date): Promise<string | null> {
  const last = await lastSubmitted(trx, reg.id, year);
  const id = newId();
  const created = await insertReport(trx, {
    id,
    year,
    registration_id: reg.id,
    state: 'open',
    answers: last ? last.answers : JSON.stringify(emptyAnswers()),
    steps_done: '[]',
    prefilled: last ? 1 : 0,
    late: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  return created ? id : null;
}

/**
 * The team opens a monitor year: every admitted route gets a report (prefilled from its last one)
 * and its contacts a mail, in one transaction. A second opening of the same year is refused.
 */
export async function openYear(
  db: Db,
  config: MailConfig,
  actor: Actor,
  input: { year: number; title: string; deadline: string },
  now = new Date(),
): Promise<{ routes: number }> {
  const routes = await admittedRegistrations(db);
  return db.transaction().execute(async (trx) => {
    const fresh = await insertYear(trx, { ...input, opened_at: now.toISOString(), opened_by: actor.id });
    if (!fresh)
      throw new ConflictError(`${input.title} bestaat al`, 'Dit monitorjaar is al geopend; de routes hebben hun uitnodiging al gekregen.');
    let n = 0;
    for (const reg of routes) {
      const id = await createReport(trx, reg, input.year, now);
      if (!id) continue;
      n++;
      const mail = MAILS.opened({ title: input.title, route: routeName(reg), deadline: input.deadline, link: reportLink(config, id) });
      for (const to of await contactsOf(trx, reg)) await enqueueMail(trx, { to, ...mail }, now);
    }
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'monitor.year_opened',
        subjectType: 'monitor',
        subjectId: String(input.year),
        detail: { routes: n },
      },
      now,
    );
    return { routes: n };
  });
}

/** Subscriber of `registration.accepted`: a route admitted while a monitor year is open reports for it too. */
export async function addToOpenYears(event: { registration: AcceptedRegistration }, ctx: EventContext): Promise<void> {
  const reg = await registrationById(ctx.trx, event.registration.id);
  if (!reg) return;
  for (const y of await yearsOpenOn(ctx.trx, dutchDay(ctx.now))) {
    const id = await createReport(ctx.trx, reg, y.year, ctx.now);
    if (!id) continue;
    const mail = MAILS.opened({ title: y.title, route: routeName(reg), deadline: y.deadline, link: reportLink(ctx.config, id) });
    for (const to of await contactsOf(ctx.trx, reg)) await enqueueMail(ctx.trx, { to, ...mail }, ctx.now);
  }
}

function toReport(
  row: NonNullable<Awaited<ReturnType<typeof findReport>>>,
  year: { title: string; deadline: string },
  reg: Registration,
): Report {
  const route = reg.answers.route?.values ?? {};
  const c2 = reg.answers['mkb-werkplek']?.values ?? {};
  return {
    id: row.id,
    year: row.year,
    title: year.title,
    deadline: year.deadline,
    registrationId: reg.id,
    route: routeName(reg),
    reference: reg.reference,
    institutionBrin: reg.institutionBrin,
    state: row.state as ReportState,
    answers: { ...emptyAnswers(), ...(JSON.parse(row.answers) as MonitorAnswers) },
    stepsDone: JSON.parse(row.steps_done) as string[],
    prefilled: row.prefilled === 1,
    reopenedFields: row.reopened_fields ? (JSON.parse(row.reopened_fields) as string[]) : null,
    reopenMessage: row.reopen_message,
    submittedAt: row.submitted_at,
    late: row.late === 1,
    expected: { students: num(route.students_expected), companies: num(c2.sme_count) },
  };
}

/** The team, or an applicant of the route's hogeschool, reads a report; anyone else gets a 404 or 403. */
export async function reportFor(db: Db, user: CurrentUser, id: string): Promise<Report> {
  const row = id.length <= 36 ? await findReport(db, id) : undefined;
  if (!row) throw new NotFoundError('report');
  const [year, reg] = await Promise.all([findYear(db, row.year), registrationById(db, row.registration_id)]);
  if (!year || !reg) throw new NotFoundError('report');
  const team = user.role === 'team' || user.role === 'admin';
  // Someone of another hogeschool learns nothing, not even that the report exists.
  if (!team && !(user.role === 'applicant' && user.institutionBrin === reg.institutionBrin)) throw new NotFoundError('report');
  return toReport(row, year, reg);
}

const closed = () =>
  new ConflictError(
    'Deze monitor is ingediend',
    'Een ingediende monitor verandert niet meer. Moet er iets anders? Vraag het programmateam om het onderdeel open te zetten.',
  );

/**
 * Saves one step. Only applicants of the route's hogeschool, only while the report is open (or for
 * the fields the team reopened); a wrong value is returned per field and nothing is stored.
 */
export async function saveStep(
  db: Db,
  user: CurrentUser,
  id: string,
  step: StepSlug,
  body: Record<string, string>,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  await reportFor(db, user, id);
  if (user.role !== 'applicant') throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, id);
    if (!row) throw new NotFoundError('report');
    const state = row.state as ReportState;
    const editable = editableFields(state, row.reopened_fields ? JSON.parse(row.reopened_fields) : null, step);
    if (editable === 'none') throw closed();
    const current = { ...emptyAnswers(), ...(JSON.parse(row.answers) as MonitorAnswers) };
    const result = readStep(step, body, current, editable);
    if (!result.ok) return result;
    const done = new Set(JSON.parse(row.steps_done) as string[]);
    done.add(step);
    await updateReport(trx, id, {
      answers: JSON.stringify(result.answers),
      steps_done: JSON.stringify([...done]),
      updated_at: now.toISOString(),
    });
    return { ok: true } as const;
  });
}

/**
 * Submits the report: every step saved, then frozen. After the deadline it is accepted and marked
 * late; a resubmission after a reopening keeps the first submission's mark.
 */
export async function submitReport(
  db: Db,
  config: MailConfig,
  user: CurrentUser,
  id: string,
  now = new Date(),
): Promise<{ ok: true; late: boolean } | { ok: false; missing: string[] }> {
  const report = await reportFor(db, user, id);
  if (user.role !== 'applicant') throw new ForbiddenError();
  const reg = await registrationById(db, report.registrationId);
  if (!reg) throw new NotFoundError('report');
  return db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, id);
    if (!row) throw new NotFoundError('report');
    if (row.state === 'submitted') throw closed();
    const unsaved = missing(JSON.parse(row.steps_done) as string[]);
    if (unsaved.length) return { ok: false, missing: unsaved } as const;
    const late = row.state === 'open' ? isLate(report.deadline, now) : row.late === 1;
    await updateReport(trx, id, {
      state: 'submitted',
      submitted_at: row.submitted_at ?? now.toISOString(),
      submitted_by: user.id,
      late: late ? 1 : 0,
      reopened_fields: null,
      updated_at: now.toISOString(),
    });
    await replaceCounts(trx, row, (JSON.parse(row.answers) as MonitorAnswers).groups ?? {});
    await recordAudit(
      trx,
      {
        actorUserId: user.id,
        action: 'monitor.submitted',
        subjectType: 'registration',
        subjectId: reg.id,
        detail: { year: row.year, late },
      },
      now,
    );
    const mail = MAILS.submitted({
      title: report.title,
      route: report.route,
      deadline: report.deadline,
      link: reportLink(config, id),
      late,
    });
    for (const to of await contactsOf(trx, reg, user.email ? [user.email] : [])) await enqueueMail(trx, { to, ...mail }, now);
    return { ok: true, late } as const;
  });
}

/** The team reopens single fields of a submitted report, with a message to the route's contacts. */
export async function reopenFields(
  db: Db,
  config: MailConfig,
  actor: Actor,
  id: string,
  fields: string[],
  message: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const errors: FieldErrors = [];
  const known = fields.filter((f) => FIELDS.some((x) => x.key === f));
  if (known.length === 0) errors.push({ field: 'fields', message: 'Kies ten minste één onderdeel om open te zetten' });
  if (message.trim() === '') errors.push({ field: 'message', message: 'Schrijf erbij wat er aangepast moet worden' });
  else if (message.length > 2000) errors.push({ field: 'message', message: 'De toelichting is hooguit 2.000 tekens lang' });
  if (errors.length) return { ok: false, errors };
  const row0 = await findReport(db, id);
  if (!row0) throw new NotFoundError('report');
  const [year, reg] = await Promise.all([findYear(db, row0.year), registrationById(db, row0.registration_id)]);
  if (!year || !reg) throw new NotFoundError('report');
  await db.transaction().execute(async (trx) => {
    const row = await lockReport(trx, id);
    if (!row) throw new NotFoundError('report');
    if (row.state === 'open')
      throw new ConflictError('Nog niet ingediend', 'Deze monitor is nog niet ingediend; de route kan alles nog zelf aanpassen.');
    const all = [...new Set([...(row.reopened_fields ? (JSON.parse(row.reopened_fields) as string[]) : []), ...known])];
    await updateReport(trx, id, {
      state: 'reopened',
      reopened_fields: JSON.stringify(all),
      reopen_message: message.trim(),
      updated_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'monitor.reopened',
        subjectType: 'registration',
        subjectId: reg.id,
        detail: { year: row.year, fields: known },
      },
      now,
    );
    const mail = MAILS.reopened({
      title: year.title,
      route: routeName(reg),
      deadline: year.deadline,
      link: reportLink(config, id),
      fields: known.map(fieldLabel),
      message: message.trim(),
    });
    for (const to of await contactsOf(trx, reg)) await enqueueMail(trx, { to, ...mail }, now);
  });
  return { ok: true };
}

/** The reports of the user's hogeschool, newest year first. */
export async function reportsOfUser(db: Db, user: CurrentUser) {
  if (user.role !== 'applicant' || !user.institutionBrin) return [];
  return reportsOfRegistrations(db, await registrationsOfInstitution(db, user.institutionBrin));
}

/** The reports of these registrations by id (a hogeschool's, read once for `/mijn`), newest year first. */
export async function reportsOfRegistrations(db: Db, routes: Map<string, { reference: string | null; title: string | null }>) {
  const rows = await reportsOfRoutes(db, [...routes.keys()]);
  const years = new Map((await findYears(db, [...new Set(rows.map((r) => r.year))])).map((y) => [y.year, y]));
  return rows.map((r) => {
    const route = routes.get(r.registration_id);
    const y = years.get(r.year) ?? { title: `Monitor ${r.year}`, deadline: '' };
    return {
      id: r.id,
      year: r.year,
      title: y.title,
      deadline: y.deadline,
      state: r.state as ReportState,
      late: r.late === 1,
      route: route?.title ?? route?.reference ?? 'route',
      stepsDone: (JSON.parse(r.steps_done) as string[]).length,
    };
  });
}

/** The hourly job: reminders before and after the deadline to routes that have not submitted, each once. */
export async function runMonitorReminders(db: Db, config: MailConfig, now = new Date()): Promise<number> {
  const daysBefore = await readSetting(db, MONITOR_REMINDER_SETTING);
  const today = dutchDay(now);
  let sent = 0;
  for (const r of await remindable(db)) {
    await breathe();
    const due = reminderDue(r, r.deadline, today, daysBefore);
    if (!due) continue;
    const reg = await registrationById(db, r.registration_id);
    if (!reg) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, r.id, due === 'before' ? 'reminded_before_at' : 'reminded_after_at', now.toISOString()))) return;
      const p = { title: r.title, route: routeName(reg), deadline: r.deadline, link: reportLink(config, r.id) };
      const mail = due === 'before' ? MAILS.reminderBefore(p) : MAILS.reminderAfter(p);
      for (const to of await contactsOf(trx, reg)) await enqueueMail(trx, { to, ...mail }, now);
      sent++;
    });
  }
  return sent;
}
