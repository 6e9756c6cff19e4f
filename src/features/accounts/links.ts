import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId } from '../../platform/crypto.ts';
import { enqueueMail } from '../../platform/mail/repo.ts';
import type { CurrentUser } from '../../ui/context.ts';
import { findInstitution } from '../reference/index.ts';
import {
  countOpenLinkRequests,
  decideLinkRequest,
  findUserById,
  insertLinkRequest,
  latestLinkRequestOf,
  listOpenLinkRequests,
  setUserInstitution,
} from './repo.ts';

/**
 * People whose address belongs to no hogeschool have an account without one. They may ask to be
 * linked to a hogeschool; a team member approves (the person becomes an applicant of it) or refuses
 * with a reason. Both are mailed to the person and audited.
 */

export type LinkStatus = {
  id: string;
  institutionName: string;
  reason: string;
  createdAt: string;
  decision: 'approved' | 'refused' | null;
  note: string | null;
};

/** Only an applicant without a hogeschool has anything to ask. */
export const canAskForLink = (user: CurrentUser): boolean => user.role === 'applicant' && user.institutionBrin === null;

export async function linkStatusOf(db: Db, userId: string): Promise<LinkStatus | null> {
  const r = await latestLinkRequestOf(db, userId);
  if (!r) return null;
  return {
    id: r.id,
    institutionName: r.institution_name,
    reason: r.reason,
    createdAt: String(r.created_at),
    decision: r.decision,
    note: r.decision_note,
  };
}

export type AskOutcome = { ok: true } | { ok: false; field: 'institution' | 'reason'; message: string };

/** Stores a request to be linked (inside the caller's transaction when given one). Audited. */
export async function askForLink(
  db: Db,
  input: { userId: string; institutionBrin: string; reason: string },
  now = new Date(),
): Promise<AskOutcome> {
  if (!(await findInstitution(db, input.institutionBrin)))
    return { ok: false, field: 'institution', message: 'Kies een hogeschool uit de lijst' };
  const latest = await latestLinkRequestOf(db, input.userId);
  if (latest && latest.decision === null)
    return { ok: false, field: 'institution', message: 'U heeft al een aanvraag lopen; wacht op het besluit van het programmateam' };
  const id = newId();
  await insertLinkRequest(db, {
    id,
    user_id: input.userId,
    institution_brin: input.institutionBrin,
    reason: input.reason,
    created_at: now.toISOString(),
    decision: null,
    decision_note: null,
    decided_at: null,
    decided_by: null,
  });
  await recordAudit(
    db,
    {
      actorUserId: input.userId,
      action: 'user.link_requested',
      subjectType: 'user',
      subjectId: input.userId,
      detail: { institution: input.institutionBrin, request: id },
    },
    now,
  );
  return { ok: true };
}

export type OpenLinkRequest = {
  id: string;
  email: string;
  name: string | null;
  institutionName: string;
  reason: string;
  createdAt: string;
};

const toOpenRequest = (r: Awaited<ReturnType<typeof listOpenLinkRequests>>[number]): OpenLinkRequest => ({
  id: r.id,
  email: r.email,
  name: r.name,
  institutionName: r.institution_name,
  reason: r.reason,
  createdAt: String(r.created_at),
});

export async function openLinkRequests(db: Db): Promise<OpenLinkRequest[]> {
  return (await listOpenLinkRequests(db)).map(toOpenRequest);
}

/** One request still waiting for a decision, or null (unknown, or decided already). */
export async function openLinkRequest(db: Db, id: string): Promise<OpenLinkRequest | null> {
  const row = (await listOpenLinkRequests(db, id))[0];
  return row ? toOpenRequest(row) : null;
}

export async function openLinkRequestCount(db: Db): Promise<number> {
  return countOpenLinkRequests(db);
}

/**
 * The team's decision. Approving gives the person the hogeschool (unless they got one meanwhile);
 * refusing keeps the account as it is. Side effects (one transaction): the decision, the user's
 * hogeschool, a mail to the person, an audit event. False when someone decided it already.
 */
export async function decideLink(
  db: Db,
  input: { id: string; approve: boolean; note: string | null; actorUserId: string; baseUrl: string },
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const decided = await decideLinkRequest(trx, input.id, {
      decision: input.approve ? 'approved' : 'refused',
      note: input.note,
      by: input.actorUserId,
      atIso: now.toISOString(),
    });
    if (!decided) return false;
    const user = await findUserById(trx, decided.user_id);
    const institution = await findInstitution(trx, decided.institution_brin);
    if (!user || !institution) return false;
    if (input.approve && user.institution_brin === null) await setUserInstitution(trx, user.id, institution.brin);
    await recordAudit(
      trx,
      {
        actorUserId: input.actorUserId,
        action: input.approve ? 'user.link_approved' : 'user.link_refused',
        subjectType: 'user',
        subjectId: user.id,
        detail: { institution: institution.brin, request: input.id },
      },
      now,
    );
    const text = input.approve
      ? [
          'Goedendag,',
          '',
          `Het programmateam heeft uw account gekoppeld aan ${institution.name}.`,
          'U ziet nu de aanmeldingen van deze hogeschool en kunt er zelf een indienen:',
          '',
          `${input.baseUrl}/mijn`,
          ...(input.note ? ['', `Toelichting van het programmateam: ${input.note}`] : []),
        ]
      : [
          'Goedendag,',
          '',
          `Het programmateam heeft uw aanvraag om gekoppeld te worden aan ${institution.name} afgewezen.`,
          '',
          `Reden: ${input.note ?? ''}`,
          '',
          'Uw account blijft bestaan, zonder hogeschool. Werkt u bij een hogeschool, log dan in met uw e-mailadres van de hogeschool.',
        ];
    await enqueueMail(
      trx,
      {
        to: user.email,
        subject: input.approve ? `Uw account is gekoppeld aan ${institution.name}` : 'Uw aanvraag voor een koppeling is afgewezen',
        text: [...text, '', 'Programmateam Mkb-route in het hbo'].join('\n'),
      },
      now,
    );
    return true;
  });
}
