import { sql } from 'kysely';
import { countMentions, deleteAfter, scrubRows } from '../../platform/privacy/repo.ts';
import { ERASED_PERSON, erasedAddress } from '../../platform/privacy/scrub.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { formatDateTime } from '../../platform/time.ts';
import { countActiveAdmins } from './repo.ts';
import { ROLE_LABELS, type Role } from './rules.ts';

/** How long a sign-in link (the address it was sent to) is kept after it was asked for. */
export const SIGN_IN_LINK_DAYS = {
  key: 'retention.sign_in_link_days',
  label: 'Bewaartermijn inloglinks',
  description: 'Zo lang blijft een aangevraagde inloglink (met het e-mailadres) bewaard, gebruikt of niet.',
  unit: 'dagen' as const,
  default: 1,
  min: 1,
  max: 90,
};

const lowerIn = (emails: string[]) => (emails.length ? emails : ['']);

/**
 * Accounts and what hangs on them: the account itself (anonymised, never deleted, so that what the
 * person did stays readable as "Verwijderde persoon"), SURFconext identities, sign-in links and
 * requests to be linked to a hogeschool.
 */
export const accountsPersonalData: PersonalDataSource = {
  key: 'accounts',
  title: 'Account',
  async identify(db, email) {
    const users = await db.selectFrom('users').select(['id', 'name']).where(sql`lower(email)`, '=', email).execute();
    return {
      userIds: users.map((u) => u.id),
      names: users.flatMap((u) => (u.name ? [u.name] : [])),
      anchors: users.map((u) => `users:${u.id}`),
    };
  },
  async recall(db, anchors) {
    const ids = anchors.filter((a) => a.startsWith('users:')).map((a) => a.slice('users:'.length));
    if (!ids.length) return {};
    const users = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
    return { userIds: users.map((u) => u.id), emails: users.map((u) => u.email), names: users.flatMap((u) => (u.name ? [u.name] : [])) };
  },
  async export(db, person) {
    if (!person.userIds.length) return null;
    const users = await db.selectFrom('users').selectAll().where('id', 'in', person.userIds).execute();
    const identities = await db
      .selectFrom('oidc_identities')
      .select(['issuer', 'created_at', 'last_used_at'])
      .where('user_id', 'in', person.userIds)
      .execute();
    const links = await db
      .selectFrom('link_requests')
      .select(['institution_brin', 'reason', 'created_at', 'decision'])
      .where('user_id', 'in', person.userIds)
      .execute();
    return {
      items: [
        ...users.map((u) => ({
          label: 'Account',
          fields: [
            ['Naam', u.name ?? ''],
            ['E-mailadres', u.email],
            ['Rol', ROLE_LABELS[u.role as Role] ?? u.role],
            ['Hogeschool (BRIN)', u.institution_brin ?? ''],
            ['Aangemaakt', formatDateTime(u.created_at)],
            ['Laatst ingelogd', u.last_sign_in_at ? formatDateTime(u.last_sign_in_at) : 'nooit'],
            ['Expertise', u.expertise ? (JSON.parse(u.expertise) as string[]).join(', ') : ''],
          ] as [string, string][],
        })),
        ...identities.map((i) => ({
          label: 'Inloggen via SURFconext',
          fields: [
            ['Aanbieder', i.issuer],
            ['Gekoppeld', formatDateTime(i.created_at)],
          ] as [string, string][],
        })),
        ...links.map((l) => ({
          label: 'Verzoek om koppeling aan een hogeschool',
          fields: [
            ['Hogeschool (BRIN)', l.institution_brin],
            ['Toelichting', l.reason],
            ['Ingediend', formatDateTime(l.created_at)],
          ] as [string, string][],
        })),
      ],
      data: {
        accounts: users.map((u) => ({ ...u, expertise: u.expertise ? JSON.parse(u.expertise) : [] })),
        surfconext: identities,
        link_requests: links,
      },
    };
  },
  async plan(db, person, s) {
    const tokens = await db
      .selectFrom('sign_in_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(sql`lower(email)`, 'in', lowerIn(person.emails))
      .executeTakeFirst();
    const ids = person.userIds.length ? person.userIds : [''];
    const identities = await db
      .selectFrom('oidc_identities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', 'in', ids)
      .executeTakeFirst();
    const links = await db
      .selectFrom('link_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', 'in', ids)
      .executeTakeFirst();
    return [
      {
        action: 'geanonimiseerd',
        what: 'account: naam en e-mailadres vervangen, expertise gewist, uitgeschakeld',
        count: person.userIds.length,
      },
      {
        action: 'bewaard',
        what: 'wat de persoon met het account deed (aanmeldingen, beoordelingen, logboek)',
        count: person.userIds.length,
        why: 'het hoort bij besluiten van het programma; het staat voortaan op naam van "Verwijderde persoon"',
      },
      { action: 'verwijderd', what: 'inloglinks', count: Number(tokens?.n ?? 0) },
      { action: 'verwijderd', what: 'koppelingen met SURFconext', count: Number(identities?.n ?? 0) },
      { action: 'verwijderd', what: 'verzoeken om koppeling aan een hogeschool', count: Number(links?.n ?? 0) },
      {
        action: 'geanonimiseerd',
        what: 'toelichtingen bij koppelverzoeken van anderen die de persoon noemen',
        count: await countMentions(db, 'link_requests', ['reason', 'decision_note'], s),
      },
    ];
  },
  async blockers(db, person) {
    if (!person.userIds.length) return [];
    const admins = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', person.userIds)
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .execute();
    if (admins.length && (await countActiveAdmins(db)) <= admins.length)
      return [
        { text: 'Dit is de laatste actieve beheerder. Maak eerst iemand anders beheerder; anders kan niemand het platform nog beheren.' },
      ];
    return [];
  },
  async erase(trx, person, s, { now }) {
    for (const id of person.userIds)
      await trx
        .updateTable('users')
        .set({ name: ERASED_PERSON, email: erasedAddress(id), expertise: null, disabled_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    if (person.emails.length) await trx.deleteFrom('sign_in_tokens').where(sql`lower(email)`, 'in', person.emails).execute();
    if (person.userIds.length) {
      await trx.deleteFrom('oidc_identities').where('user_id', 'in', person.userIds).execute();
      await trx.deleteFrom('oidc_pending_links').where('user_id', 'in', person.userIds).execute();
      await trx.deleteFrom('link_requests').where('user_id', 'in', person.userIds).execute();
    }
    await scrubRows(trx, 'link_requests', 'id', ['reason', 'decision_note'], s);
  },
  retention: [
    {
      key: 'sign-in-links',
      label: 'Inloglinks',
      action: 'verwijderd',
      because: (n) => `omdat ze ${n} ${n === 1 ? 'dag' : 'dagen'} geleden zijn aangevraagd`,
      setting: SIGN_IN_LINK_DAYS,
      ...deleteAfter('sign_in_tokens', 'token_hash', 'created_at', 'inloglink'),
    },
  ],
};
