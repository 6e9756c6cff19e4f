import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken, sha256 } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { deleteSessionsOfUser } from '../../platform/session/repo.ts';
import { DAY } from '../../platform/time.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import {
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  insertSignInToken,
  insertUser,
  listPeople,
  lockAdmins,
  type PeopleFilters,
  updateUser,
} from './repo.ts';
import { ROLE_LABELS } from './rules.ts';

export const PEOPLE_PAGE = 50;
/** An invitation's sign-in link works for a week (an ordinary one for 15 minutes). */
export const INVITATION_DAYS = 7;
const STAFF = ['team', 'admin'] as const;
type Staff = (typeof STAFF)[number];
type Actor = { id: string };

export async function people(db: Db, f: PeopleFilters, page: number) {
  const { rows, total } = await listPeople(db, f, PEOPLE_PAGE, (page - 1) * PEOPLE_PAGE);
  return { rows, total, pages: Math.max(1, Math.ceil(total / PEOPLE_PAGE)) };
}

const lastAdmin = () =>
  new ConflictError(
    'Dit is de laatste beheerder',
    'Er moet altijd iemand zijn die het platform kan beheren. Maak eerst iemand anders beheerder; daarna kan deze rol veranderen of het account uit.',
  );

/**
 * Invites someone as team member or administrator: the account, and a mail with a sign-in link
 * that works for a week. An address that already has an account is refused with what to do instead.
 */
export async function invite(
  db: Db,
  config: Pick<Config, 'baseUrl'>,
  actor: Actor,
  input: { email: string; name: string; role: string },
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const errors: FieldErrors = [];
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email) || email.length > 254)
    errors.push({ field: 'email', message: 'Vul een geldig e-mailadres in, zoals naam@programma.nl' });
  if (name.length > 200) errors.push({ field: 'name', message: 'De naam is hooguit 200 tekens lang' });
  if (!(STAFF as readonly string[]).includes(input.role)) errors.push({ field: 'role', message: 'Kies teamlid of beheerder' });
  if (errors.length) return { ok: false, errors };
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, email);
    if (existing)
      return {
        ok: false,
        errors: [
          {
            field: 'email',
            message: `Dit adres heeft al een account (${ROLE_LABELS[existing.role].toLowerCase()}). Zoek het op in de lijst en wijzig daar de rol.`,
          },
        ],
      } as const;
    const id = newId();
    await insertUser(trx, {
      id,
      email,
      name: name || null,
      role: input.role as Staff,
      institution_brin: null,
      created_at: now.toISOString(),
      last_sign_in_at: null,
      disabled_at: null,
    });
    const token = newToken();
    await insertSignInToken(trx, {
      token_hash: sha256(token),
      email,
      ip_hash: 'invitation',
      return_to: '/beheer',
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + INVITATION_DAYS * DAY).toISOString(),
      used_at: null,
    });
    await enqueueMail(
      trx,
      {
        to: email,
        subject: 'Uitnodiging voor het platform Mkb-route in het hbo',
        text: [
          `Goedendag${name ? ` ${name}` : ''},`,
          '',
          `U bent uitgenodigd als ${ROLE_LABELS[input.role as Staff].toLowerCase()} op het platform van het programma Mkb-route in het hbo. Met deze link logt u de eerste keer in:`,
          '',
          `${config.baseUrl}/inloggen/link?token=${token}`,
          '',
          `De link werkt één keer en ${INVITATION_DAYS} dagen lang. Daarna logt u in op ${config.baseUrl}/inloggen met dit e-mailadres.`,
          '',
          'Programmateam Mkb-route in het hbo',
        ].join('\n'),
      },
      now,
    );
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'user.invited', subjectType: 'user', subjectId: id, detail: { role: input.role } },
      now,
    );
    return { ok: true, id } as const;
  });
}

/**
 * Changes a person's role between team member and administrator (an applicant belongs to a
 * hogeschool and becomes staff here, never the other way). The last active administrator keeps the role.
 */
export async function changeRole(db: Db, actor: Actor, userId: string, role: string, now = new Date()): Promise<void> {
  if (!(STAFF as readonly string[]).includes(role)) throw new ConflictError('Onbekende rol', 'Kies teamlid of beheerder.');
  await db.transaction().execute(async (trx) => {
    await lockAdmins(trx);
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('user');
    if (user.role === role) return;
    if (user.role === 'admin' && !user.disabled_at && (await countActiveAdmins(trx)) <= 1) throw lastAdmin();
    await updateUser(trx, userId, { role: role as Staff, institution_brin: null });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'user.role_changed', subjectType: 'user', subjectId: userId, detail: { from: user.role, to: role } },
      now,
    );
  });
}

/** Turns an account off (its sessions end at once) or on again. Nobody turns off the last administrator, or themselves. */
export async function setDisabled(db: Db, actor: Actor, userId: string, disabled: boolean, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockAdmins(trx);
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('user');
    if (Boolean(user.disabled_at) === disabled) return;
    if (disabled) {
      if (user.id === actor.id)
        throw new ConflictError('U kunt uzelf niet uitzetten', 'Vraag een andere beheerder om uw account uit te zetten.');
      if (user.role === 'admin' && (await countActiveAdmins(trx)) <= 1) throw lastAdmin();
      await deleteSessionsOfUser(trx, userId);
    }
    await updateUser(trx, userId, { disabled_at: disabled ? now.toISOString() : null });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: disabled ? 'user.disabled' : 'user.enabled', subjectType: 'user', subjectId: userId },
      now,
    );
  });
}

/** A team member declares the themes they know most about (shown to the team; used to suggest advisors). */
export async function saveExpertise(db: Db, actor: { id: string; role: string }, themes: string[], known: string[], now = new Date()) {
  if (actor.role !== 'team' && actor.role !== 'admin') throw new NotFoundError('expertise');
  const chosen = [...new Set(themes.filter((t) => known.includes(t)))];
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.id, { expertise: chosen.length ? JSON.stringify(chosen) : null });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'user.expertise_saved', subjectType: 'user', subjectId: actor.id, detail: { themes: chosen } },
      now,
    );
  });
  return chosen;
}
