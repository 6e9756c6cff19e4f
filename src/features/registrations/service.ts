import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { listAuditFor, recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import type { MailInput } from '../../platform/mail/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findInstitution } from '../reference/repo.ts';
import { referenceOptions } from '../reference/service.ts';
import { isState, transition } from './lifecycle.ts';
import { type ReadoutSection, readout } from './readout.ts';
import { renderReceipt } from './receipt.ts';
import {
  assigneeEmails,
  findFile,
  findRegistration,
  findVersion,
  insertFile,
  insertRegistration,
  latestDecision,
  latestDecisions,
  listRegistrationsOfInstitution,
  saveAnswers,
} from './repo.ts';
import {
  type Answers,
  allStepsComplete,
  answerFacts,
  canEditRegistration,
  canEditStep,
  canStartRegistration,
  canViewRegistration,
  canWithdraw,
  EDITABLE_STATES,
  PARTICIPATION_LABELS,
  STATE_LABELS,
  type State,
} from './rules.ts';
import type { Choices, Values } from './schemas.ts';

export type Registration = {
  id: string;
  institutionBrin: string;
  reference: string | null;
  state: State;
  version: number;
  answers: Answers;
  revision: number;
  title: string | null;
  createdAt: string;
  createdBy: string | null;
  participation: string | null;
  participantAt: string | null;
  updatedAt: string;
  submittedAt: string | null;
  withdrawnReason: string | null;
  reopenedSteps: string[] | null;
};

export type RegistrationListItem = Pick<
  Registration,
  'id' | 'reference' | 'state' | 'title' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'participation' | 'participantAt'
> & {
  updatedBy: string | null;
  decisionMessage: string | null;
};
export type TimelineEntry = { at: string; label: string };

function parseState(value: string): State {
  if (!isState(value)) throw new Error(`unknown registration state ${value}`);
  return value;
}

function rowToRegistration(row: NonNullable<Awaited<ReturnType<typeof findRegistration>>>): Registration {
  return {
    id: row.id,
    institutionBrin: row.institution_brin,
    reference: row.reference,
    state: parseState(row.state),
    version: row.version,
    answers: JSON.parse(row.answers) as Answers,
    revision: row.revision,
    title: row.title,
    createdAt: row.created_at,
    createdBy: row.created_by,
    participation: row.participation,
    participantAt: row.participant_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    withdrawnReason: row.withdrawn_reason,
    reopenedSteps: row.reopened_steps ? (JSON.parse(row.reopened_steps) as string[]) : null,
  };
}

export async function choices(db: Db): Promise<Choices> {
  return referenceOptions(db);
}

/**
 * A registration the user may see. Anything else, also another hogeschool's, is "not found":
 * the answer does not reveal that it exists.
 */
export async function getRegistration(db: Db, user: CurrentUser, id: string): Promise<Registration> {
  const row = id.length <= 36 ? await findRegistration(db, id) : undefined;
  if (!row || !canViewRegistration(user, { institutionBrin: row.institution_brin })) throw new NotFoundError('registration');
  return rowToRegistration(row);
}

export async function getEditableRegistration(db: Db, user: CurrentUser, id: string, slug?: string): Promise<Registration> {
  const reg = await getRegistration(db, user, id);
  if (!canEditRegistration(user, reg) || (slug && !canEditStep(reg, slug))) {
    throw new ConflictError(
      'Deze aanmelding kan niet meer worden gewijzigd',
      reg.state === 'draft' || reg.state === 'info_requested'
        ? 'Dit deel van de aanmelding staat niet open voor wijzigingen.'
        : `De aanmelding heeft de status ‘${STATE_LABELS[reg.state].toLowerCase()}’. Een ingediende versie ligt vast.`,
    );
  }
  return reg;
}

export async function registrationsOfUser(db: Db, user: CurrentUser): Promise<RegistrationListItem[]> {
  if (!user.institutionBrin) return [];
  const rows = await listRegistrationsOfInstitution(db, user.institutionBrin);
  const decisions = await latestDecisions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    decisionMessage: decisions.filter((d) => d.registration_id === r.id).at(-1)?.message ?? null,
    id: r.id,
    reference: r.reference,
    state: parseState(r.state),
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    participation: r.participation,
    participantAt: r.participant_at,
    updatedBy: r.updated_by_name ?? r.updated_by_email,
  }));
}

/** Side effects (one transaction): a draft for the user's hogeschool and an audit event. */
export async function startRegistration(db: Db, user: CurrentUser, now = new Date()): Promise<string> {
  if (!canStartRegistration(user) || !user.institutionBrin) {
    throw new ConflictError(
      'Alleen medewerkers van een hogeschool melden aan',
      'Log in met het account van uw hogeschool om een route aan te melden.',
    );
  }
  const id = newId();
  const institutionBrin = user.institutionBrin;
  await db.transaction().execute(async (trx) => {
    await insertRegistration(trx, {
      id,
      institution_brin: institutionBrin,
      reference: null,
      state: 'draft',
      answers: JSON.stringify({ opleiding: { values: { institution: institutionBrin }, complete: false } }),
      title: null,
      created_by: user.id,
      created_at: now.toISOString(),
      updated_by: user.id,
      updated_at: now.toISOString(),
      submitted_at: null,
      withdrawn_reason: null,
      reopened_steps: null,
    });
    await recordAudit(trx, { actorUserId: user.id, action: 'registration.created', subjectType: 'registration', subjectId: id }, now);
  });
  return id;
}

export type SaveOutcome = { savedOverOther: boolean };

/**
 * Saves one step's answers as entered, complete or not, so nothing typed is lost. The last save
 * wins; when someone else saved since the form was opened, the caller gets to say so.
 */
export async function saveStep(
  db: Db,
  user: CurrentUser,
  id: string,
  slug: string,
  values: Values,
  complete: boolean,
  seenRevision: number | null,
  now = new Date(),
): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const reg = await getEditableRegistration(trx, user, id, slug);
    const previous = reg.answers[slug]?.values ?? {};
    // Values of other steps and of this step's upload stay as they were.
    const keep = Object.fromEntries(Object.entries(previous).filter(([k]) => k.endsWith('_file_id') || k.endsWith('_filename')));
    const answers: Answers = { ...reg.answers, [slug]: { values: { ...values, ...keep }, complete } };
    const saved = await saveAnswers(
      trx,
      id,
      { answers: JSON.stringify(answers), ...answerFacts(answers), updated_by: user.id, updated_at: now.toISOString() },
      EDITABLE_STATES,
    );
    if (!saved) throw new ConflictError('Deze aanmelding kan niet meer worden gewijzigd', 'Ze is intussen ingediend of ingetrokken.');
    return { savedOverOther: seenRevision !== null && seenRevision !== reg.revision };
  });
}

/** Side effect: the file stored and linked from the step's answers (replacing an earlier one). */
export async function storeUpload(
  db: Db,
  user: CurrentUser,
  id: string,
  slug: string,
  field: string,
  file: { filename: string; contentType: string; content: Buffer },
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const reg = await getEditableRegistration(trx, user, id, slug);
    const fileId = newId();
    await insertFile(trx, {
      id: fileId,
      registration_id: id,
      filename: file.filename,
      content_type: file.contentType,
      size: file.content.length,
      content: file.content,
      created_at: now.toISOString(),
      created_by: user.id,
    });
    const step = reg.answers[slug] ?? { values: {}, complete: false };
    const answers: Answers = {
      ...reg.answers,
      [slug]: { ...step, values: { ...step.values, [`${field}_file_id`]: fileId, [`${field}_filename`]: file.filename } },
    };
    await saveAnswers(
      trx,
      id,
      { answers: JSON.stringify(answers), ...answerFacts(answers), updated_by: user.id, updated_at: now.toISOString() },
      EDITABLE_STATES,
    );
  });
}

export async function getUpload(db: Db, user: CurrentUser, id: string, fileId: string) {
  await getRegistration(db, user, id);
  const file = fileId.length <= 36 ? await findFile(db, id, fileId) : undefined;
  if (!file) throw new NotFoundError('file');
  return { filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content) };
}

function confirmationText(reference: string, sections: ReadoutSection[], baseUrl: string, id: string): string {
  return [
    'Goedendag,',
    '',
    `Bedankt voor uw aanmelding bij het programma Mkb-route in het hbo. Het kenmerk is ${reference}.`,
    'Het ontvangstbewijs met al uw antwoorden zit als pdf bij dit bericht.',
    '',
    'Het programmateam beoordeelt de aanmelding aan de hand van de vijf criteria en neemt contact met u op.',
    `U volgt de aanmelding op ${baseUrl}/aanmeldingen/${id}`,
    '',
    `Opleiding: ${sections.find((s) => s.slug === 'opleiding')?.rows.find((r) => r.label === 'Naam van de opleiding')?.value ?? ''}`,
    '',
    'Programmateam Mkb-route in het hbo',
  ].join('\n');
}

/**
 * Submits the registration once. A second click, a second tab or a withdraw racing it finds the
 * state already moved and changes nothing.
 */
export async function submitRegistration(
  db: Db,
  config: Pick<Config, 'baseUrl'>,
  user: CurrentUser,
  id: string,
  now = new Date(),
): Promise<{ reference: string; alreadySubmitted: boolean }> {
  const options = await choices(db);
  return db.transaction().execute(async (trx) => {
    const reg = await getRegistration(trx, user, id);
    if (reg.state === 'submitted' && reg.reference) return { reference: reg.reference, alreadySubmitted: true };
    await getEditableRegistration(trx, user, id);
    if (!allStepsComplete(reg.answers)) {
      throw new ConflictError('Nog niet alle stappen zijn af', 'Vul eerst de stappen in die op het overzicht als onvolledig staan.');
    }
    const institution = await findInstitution(trx, reg.institutionBrin);
    const sections = readout(reg.answers, options);
    const result = await transition(
      trx,
      reg,
      {
        action: 'submit',
        snapshot: JSON.stringify(reg.answers),
        mails: async (reference) => {
          const pdf = await renderReceipt({
            reference,
            version: reg.version + 1,
            submittedAt: now.toISOString(),
            institutionName: institution?.name ?? reg.institutionBrin,
            sections,
          });
          const contact = reg.answers.organisatie?.values.contact_email;
          const recipients = [...new Set([user.email, typeof contact === 'string' ? contact : ''].filter(Boolean))];
          const confirmations = recipients.map(
            (to): MailInput => ({
              to,
              subject: `Aanmelding ontvangen: ${reference}`,
              text: confirmationText(reference, sections, config.baseUrl, id),
              attachments: [{ filename: `ontvangstbewijs-${reference}.pdf`, contentType: 'application/pdf', content: pdf }],
            }),
          );
          // A resubmission after an information request tells the assessors it is back.
          const assessors =
            reg.state === 'info_requested'
              ? (await assigneeEmails(trx, id)).map(
                  (to): MailInput => ({
                    to,
                    subject: `Aanvulling ontvangen: ${reference}`,
                    text: `De hogeschool heeft de gevraagde aanvulling voor ${reference} ingediend (versie ${reg.version + 1}).\n\n${config.baseUrl}/beheer/aanmeldingen/${id}\n`,
                  }),
                )
              : [];
          return [...confirmations, ...assessors];
        },
      },
      user.id,
      now,
    );
    if (!result.ok || !result.reference) {
      throw new ConflictError(
        'De aanmelding is intussen gewijzigd',
        'Iemand anders heeft de aanmelding net ingediend of ingetrokken. Bekijk de actuele stand.',
      );
    }
    return { reference: result.reference, alreadySubmitted: false };
  });
}

export async function withdrawRegistration(db: Db, user: CurrentUser, id: string, reason: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const reg = await getRegistration(trx, user, id);
    if (!canWithdraw(user, reg)) {
      throw new ConflictError(
        'Intrekken kan niet',
        `Een aanmelding met de status ‘${STATE_LABELS[reg.state].toLowerCase()}’ kan niet worden ingetrokken.`,
      );
    }
    const contact = reg.answers.organisatie?.values.contact_email;
    const recipients = [...new Set([user.email, typeof contact === 'string' ? contact : ''].filter(Boolean))];
    const result = await transition(
      trx,
      reg,
      {
        action: 'withdraw',
        reason,
        mails: recipients.map((to) => ({
          to,
          subject: `Aanmelding ingetrokken: ${reg.reference ?? ''}`,
          text: [
            'Goedendag,',
            '',
            `De aanmelding ${reg.reference ?? ''} is ingetrokken door ${user.name ?? user.email}.`,
            '',
            `Reden: ${reason}`,
            '',
            'Programmateam Mkb-route in het hbo',
          ].join('\n'),
        })),
      },
      user.id,
      now,
    );
    if (!result.ok)
      throw new ConflictError('De aanmelding is intussen gewijzigd', 'Bekijk de actuele stand en probeer het zo nodig opnieuw.');
  });
}

const TIMELINE_LABELS: Record<string, (detail: Record<string, unknown>) => string> = {
  'registration.created': () => 'Aanmelding begonnen',
  'registration.submitted': (d) => `Ingediend (versie ${String(d.version)})`,
  'registration.withdrawn': () => 'Ingetrokken',
  'registration.review_started': () => 'Beoordeling gestart',
  'registration.info_requested': () => 'Aanvulling gevraagd',
  'registration.accepted': (d) => `Toegelaten als ${PARTICIPATION_LABELS[String(d.participation)] ?? 'partner'}`,
  'registration.declined': () => 'Afgewezen',
  'kickoff.invited': () => 'Uitgenodigd voor het startgesprek',
  'kickoff.booked': (d) => `Startgesprek ingepland: ${String(d.slot ?? '')}`,
  'kickoff.rescheduled': (d) => `Startgesprek verzet naar ${String(d.to ?? '')}`,
  'kickoff.cancelled': () => 'Startgesprek geannuleerd',
  'kickoff.held': () => 'Startgesprek gehouden; de route is deelnemer',
};

/** The registration's history for its owners: what happened when, from the audit trail. */
export async function timeline(db: Db, id: string): Promise<TimelineEntry[]> {
  return (await listAuditFor(db, 'registration', id))
    .filter((e) => e.action in TIMELINE_LABELS)
    .map((e) => ({
      at: e.at,
      label: TIMELINE_LABELS[e.action]?.(e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {}) ?? e.action,
    }));
}

/** The receipt of a submitted version, rebuilt from its frozen snapshot. */
export async function receiptPdf(db: Db, user: CurrentUser, id: string, version: number): Promise<{ filename: string; pdf: Buffer }> {
  const reg = await getRegistration(db, user, id);
  const v = Number.isInteger(version) && version > 0 ? await findVersion(db, id, version) : undefined;
  if (!v) throw new NotFoundError('version');
  const institution = await findInstitution(db, reg.institutionBrin);
  const pdf = await renderReceipt({
    reference: v.reference,
    version: v.version,
    submittedAt: v.submitted_at,
    institutionName: institution?.name ?? reg.institutionBrin,
    sections: readout(JSON.parse(v.snapshot) as Answers, await choices(db)),
  });
  return { filename: `ontvangstbewijs-${v.reference}-v${v.version}.pdf`, pdf };
}

export type DecisionSummary = {
  kind: 'accept' | 'request_info' | 'decline';
  message: string;
  participation: string | null;
  conditions: string | null;
  deadline: string | null;
  reopened: string[];
  decidedAt: string;
};

/** The latest decision, as the applicant reads it on the registration page. */
export async function decisionOf(db: Db, id: string): Promise<DecisionSummary | null> {
  const d = await latestDecision(db, id);
  if (!d) return null;
  return {
    kind: d.kind,
    message: d.message,
    participation: d.participation,
    conditions: d.conditions,
    deadline: d.deadline,
    reopened: d.reopened_steps ? (JSON.parse(d.reopened_steps) as string[]) : [],
    decidedAt: d.decided_at,
  };
}

/** The frozen answers of a submitted version. */
export async function versionAnswers(db: Db, user: CurrentUser, id: string, version: number): Promise<Answers | null> {
  await getRegistration(db, user, id);
  const v = await findVersion(db, id, version);
  return v ? (JSON.parse(v.snapshot) as Answers) : null;
}
