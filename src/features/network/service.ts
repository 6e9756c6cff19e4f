import type { Config } from '../../config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { newId, newToken, sha256 } from '../../platform/crypto.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.tsx';
import { enqueueMail } from '../../platform/mail/repo.ts';
import { publicContentChanged } from '../../platform/public-cache.ts';
import { HOUR } from '../../platform/time.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { ensurePartnerAccount } from '../accounts/index.ts';
import { referenceOptions } from '../reference/index.ts';
import { MAILS, REFUSALS } from './messages.ts';
import {
  addOrganisationUser,
  countRecentSignups,
  deleteSignup,
  findLink,
  findLiveByKvk,
  findOrganisation,
  findSignupByHash,
  insertOrganisation,
  insertSignup,
  liveOrganisations,
  moveEverything,
  setLinkConfirmed,
  slugTaken,
  updateOrganisationRow,
} from './repo.ts';
import { duplicateReason, nameKey, slugOf } from './rules.ts';
import { type OrganisationInput, readOrganisation } from './schemas.ts';

type SiteConfig = Pick<Config, 'baseUrl' | 'sessionSecret'>;
type Actor = { id: string };

/** A sign-up's confirmation link works this long. */
export const SIGNUP_HOURS = 48;

export async function knownLists(db: Db) {
  const o = await referenceOptions(db);
  return { sectors: o.sectors.map((s) => s.value), provinces: o.provinces.map((p) => p.value) };
}

export async function freeSlug(db: Db | Trx, name: string): Promise<string> {
  const base = slugOf(name);
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await slugTaken(db, slug))) return slug;
  }
}

function columns(input: OrganisationInput) {
  return {
    kvk: input.kvk,
    name: input.name,
    kind: input.kind,
    sectors: JSON.stringify(input.sectors),
    province: input.province,
    place: input.place,
    size: input.size,
    website: input.website,
    offers: JSON.stringify(input.offers),
    description: input.description,
    contact_name: input.contactName || null,
    contact_email: input.contactEmail || null,
  };
}

// ---------------------------------------------------------------- the public sign-up (double opt-in)

/**
 * A company or association asks to join. Nothing is stored as an organisation until the address
 * is confirmed by the link in the mail; at most three links per address an hour. A robot that
 * fills the hidden field gets the same answer and nothing happens (the route checks that).
 */
export async function requestSignup(
  db: Db,
  config: SiteConfig,
  body: unknown,
  now = new Date(),
): Promise<{ ok: true; email: string } | { ok: false; errors: FieldErrors }> {
  const form = readOrganisation(body, await knownLists(db));
  if (!form.ok) return form;
  const email = form.data.contactEmail;
  if ((await countRecentSignups(db, email, new Date(now.getTime() - HOUR).toISOString())) >= 3)
    return { ok: false, errors: [{ field: 'contact_email', message: REFUSALS.tooMany }] };
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await insertSignup(trx, {
      id: newId(),
      email,
      payload: JSON.stringify(form.data),
      token_hash: sha256(token),
      expires_at: new Date(now.getTime() + SIGNUP_HOURS * HOUR).toISOString(),
      created_at: now.toISOString(),
    });
    const link = `${config.baseUrl}/netwerk/bevestigen?token=${encodeURIComponent(token)}`;
    await enqueueMail(
      trx,
      { to: email, ...MAILS.confirmSignup({ name: form.data.contactName, organisation: form.data.name, link, hours: SIGNUP_HOURS }) },
      now,
    );
  });
  return { ok: true, email };
}

/** The sign-up behind a confirmation token, while it is still good. */
export async function liveSignup(db: Db, token: unknown, now = new Date()) {
  if (typeof token !== 'string' || token.length > 100) return null;
  const row = await findSignupByHash(db, sha256(token));
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { id: row.id, data: JSON.parse(row.payload) as OrganisationInput };
}

/**
 * The click on the confirmation link: the organisation is stored (or, with a KvK number the
 * network knows, the existing record is flagged for the team: no duplicate), its contact gets an
 * account to see and change it. Once: a second click finds nothing.
 */
export async function confirmSignup(
  db: Db,
  config: SiteConfig,
  token: unknown,
  now = new Date(),
): Promise<{ organisationId: string; existing: boolean }> {
  const signup = await liveSignup(db, token, now);
  if (!signup) throw new ConflictError('Link verlopen', REFUSALS.confirmGone);
  const result = await db.transaction().execute(async (trx) => {
    if (!(await deleteSignup(trx, signup.id))) throw new ConflictError('Link verlopen', REFUSALS.confirmGone);
    const d = signup.data;
    const nowIso = now.toISOString();
    const known = d.kvk ? await findLiveByKvk(trx, d.kvk) : undefined;
    let organisationId: string;
    if (known) {
      organisationId = known.id;
      // The team decides what to take over; a record without contact or consent takes the confirmed ones.
      await updateOrganisationRow(trx, known.id, {
        state: 'nieuw',
        updated_at: nowIso,
        ...(known.contact_email ? {} : { contact_name: d.contactName, contact_email: d.contactEmail }),
        ...(known.consent_at || !d.consent ? {} : { consent_at: nowIso }),
      });
      await recordAudit(
        trx,
        { actorUserId: null, action: 'organisation.signed_up_again', subjectType: 'organisation', subjectId: known.id },
        now,
      );
    } else {
      organisationId = newId();
      await insertOrganisation(trx, {
        id: organisationId,
        slug: await freeSlug(trx, d.name),
        ...columns(d),
        consent_at: d.consent ? nowIso : null,
        state: 'nieuw',
        merged_into: null,
        source: 'aanmelding',
        created_at: nowIso,
        updated_at: nowIso,
      });
      await recordAudit(
        trx,
        { actorUserId: null, action: 'organisation.signed_up', subjectType: 'organisation', subjectId: organisationId },
        now,
      );
    }
    const userId = await ensurePartnerAccount(trx, { email: d.contactEmail, name: d.contactName }, now);
    await addOrganisationUser(trx, organisationId, userId, nowIso);
    await enqueueMail(
      trx,
      { to: d.contactEmail, ...MAILS.signupConfirmed({ name: d.contactName, organisation: d.name, link: `${config.baseUrl}/mijn` }) },
      now,
    );
    await publicContentChanged(trx);
    return { organisationId, existing: known !== undefined };
  });
  return result;
}

// ---------------------------------------------------------------- the team's records

/** The team adds a record itself (also the demo). */
export async function addOrganisation(db: Db, actor: Actor | null, body: unknown, now = new Date()) {
  const form = readOrganisation(body, await knownLists(db), { contactRequired: false });
  if (!form.ok) return form;
  if (form.data.kvk && (await findLiveByKvk(db, form.data.kvk)))
    return { ok: false as const, errors: [{ field: 'kvk', message: 'Er is al een organisatie met dit KvK-nummer in het netwerk' }] };
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    await insertOrganisation(trx, {
      id,
      slug: await freeSlug(trx, form.data.name),
      ...columns(form.data),
      consent_at: form.data.consent ? nowIso : null,
      state: 'actief',
      merged_into: null,
      source: 'team',
      created_at: nowIso,
      updated_at: nowIso,
    });
    if (form.data.contactEmail) {
      const userId = await ensurePartnerAccount(trx, { email: form.data.contactEmail, name: form.data.contactName || null }, now);
      await addOrganisationUser(trx, id, userId, nowIso);
    }
    await recordAudit(
      trx,
      { actorUserId: actor?.id ?? null, action: 'organisation.added', subjectType: 'organisation', subjectId: id },
      now,
    );
    await publicContentChanged(trx);
  });
  return { ok: true as const, id };
}

/**
 * Changes a record (the team, or its own contact). A new sign-up becomes active (shown, with
 * consent) once the team saved it (`activate`); its contact's changes do not activate it. Consent follows the box: given now when newly
 * ticked, withdrawn when unticked — the directory, the API, the feed and the sitemap follow at once.
 */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  body: unknown,
  options: { activate: boolean },
  now = new Date(),
) {
  const before = await findOrganisation(db, id);
  if (!before || before.state === 'samengevoegd') throw new NotFoundError('organisation');
  const form = readOrganisation(body, await knownLists(db), { contactRequired: false });
  if (!form.ok) return form;
  if (form.data.kvk && form.data.kvk !== before.kvk) {
    const other = await findLiveByKvk(db, form.data.kvk);
    if (other && other.id !== id)
      return { ok: false as const, errors: [{ field: 'kvk', message: `Dit KvK-nummer hoort bij ${other.name}; voeg de twee samen` }] };
  }
  await db.transaction().execute(async (trx) => {
    const nowIso = now.toISOString();
    const consent_at = form.data.consent ? (before.consent_at ?? nowIso) : null;
    await updateOrganisationRow(trx, id, {
      ...columns(form.data),
      consent_at,
      state: before.state === 'nieuw' && options.activate ? 'actief' : before.state,
      updated_at: nowIso,
    });
    await recordAudit(trx, { actorUserId: actor.id, action: 'organisation.changed', subjectType: 'organisation', subjectId: id }, now);
    if (Boolean(before.consent_at) !== Boolean(consent_at))
      await recordAudit(
        trx,
        {
          actorUserId: actor.id,
          action: consent_at ? 'organisation.consent_given' : 'organisation.consent_withdrawn',
          subjectType: 'organisation',
          subjectId: id,
        },
        now,
      );
    if (form.data.contactEmail) {
      const userId = await ensurePartnerAccount(trx, { email: form.data.contactEmail, name: form.data.contactName || null }, now);
      await addOrganisationUser(trx, id, userId, nowIso);
    }
    await publicContentChanged(trx);
  });
  return { ok: true as const, id };
}

/** The contact withdraws consent in one click: gone from the directory, the API, the feed and the sitemap at once. */
export async function withdrawConsent(db: Db, actor: Actor, id: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const org = await findOrganisation(trx, id);
    if (!org) throw new NotFoundError('organisation');
    if (!org.consent_at) return;
    await updateOrganisationRow(trx, id, { consent_at: null, updated_at: now.toISOString() });
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'organisation.consent_withdrawn', subjectType: 'organisation', subjectId: id },
      now,
    );
    await publicContentChanged(trx);
  });
}

/**
 * Merges `goneId` into `keepId`: links, introductions (with their declines) and contacts move; the
 * survivor takes what it lacks (KvK number, place, website, contact); the other record stays, marked
 * merged and pointing at the survivor, so its history (audit trail, old links) still reads.
 */
export async function mergeOrganisations(db: Db, actor: Actor, keepId: string, goneId: string, now = new Date()): Promise<void> {
  if (keepId === goneId) throw new ConflictError('Zelfde organisatie', 'Kies een andere organisatie om mee samen te voegen.');
  await db.transaction().execute(async (trx) => {
    const keep = await findOrganisation(trx, keepId);
    const gone = await findOrganisation(trx, goneId);
    if (!keep || !gone || keep.state === 'samengevoegd' || gone.state === 'samengevoegd') throw new NotFoundError('organisation');
    const nowIso = now.toISOString();
    await updateOrganisationRow(trx, goneId, { state: 'samengevoegd', merged_into: keepId, consent_at: null, updated_at: nowIso });
    const union = (a: string, b: string) => JSON.stringify([...new Set([...(JSON.parse(a) as string[]), ...(JSON.parse(b) as string[])])]);
    await updateOrganisationRow(trx, keepId, {
      kvk: keep.kvk ?? gone.kvk,
      place: keep.place ?? gone.place,
      province: keep.province ?? gone.province,
      website: keep.website ?? gone.website,
      size: keep.size ?? gone.size,
      description: keep.description ?? gone.description,
      contact_name: keep.contact_email ? keep.contact_name : gone.contact_name,
      contact_email: keep.contact_email ?? gone.contact_email,
      consent_at: keep.consent_at ?? gone.consent_at,
      sectors: union(keep.sectors, gone.sectors),
      offers: union(keep.offers, gone.offers),
      state: 'actief',
      updated_at: nowIso,
    });
    await moveEverything(trx, goneId, keepId);
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'organisation.merged',
        subjectType: 'organisation',
        subjectId: keepId,
        detail: { role: 'kept', other: goneId },
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: 'organisation.merged',
        subjectType: 'organisation',
        subjectId: goneId,
        detail: { role: 'gone', other: keepId },
      },
      now,
    );
    await publicContentChanged(trx);
  });
}

/** Possible duplicates among the live records, each pair once, with the reason (same KvK; same name in the same place). */
export async function duplicates(db: Db): Promise<Map<string, { otherId: string; otherName: string; reason: string }[]>> {
  const rows = await liveOrganisations(db);
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    for (const key of [r.kvk ? `kvk:${r.kvk}` : null, `name:${nameKey(r.name)}`]) {
      if (!key || key === 'name:') continue;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  }
  const out = new Map<string, { otherId: string; otherName: string; reason: string }[]>();
  const seen = new Set<string>();
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i];
        const b = group[j];
        if (!a || !b || seen.has(`${a.id}:${b.id}`)) continue;
        const reason = duplicateReason(a, b);
        if (!reason) continue;
        seen.add(`${a.id}:${b.id}`);
        out.set(a.id, [...(out.get(a.id) ?? []), { otherId: b.id, otherName: b.name, reason }]);
        out.set(b.id, [...(out.get(b.id) ?? []), { otherId: a.id, otherName: a.name, reason }]);
      }
  }
  return out;
}

export async function confirmLink(db: Db, actor: Actor, linkId: string, now = new Date()): Promise<string> {
  const link = await findLink(db, linkId);
  if (!link) throw new NotFoundError('link');
  await db.transaction().execute(async (trx) => {
    await setLinkConfirmed(trx, linkId);
    await recordAudit(
      trx,
      { actorUserId: actor.id, action: 'organisation.link_confirmed', subjectType: 'organisation', subjectId: link.organisation_id },
      now,
    );
    await publicContentChanged(trx);
  });
  return link.organisation_id;
}
