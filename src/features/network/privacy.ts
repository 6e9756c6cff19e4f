import { sql } from 'kysely';
import { countMentions, deleteAfter, scrubRows } from '../../platform/privacy/repo.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { formatDateTime } from '../../platform/time.ts';

/**
 * The network: the contact person of an organisation (name, address), sign-ups waiting for
 * confirmation, and the team's notes on introductions. The organisation itself is not personal.
 */
export const SIGNUP_DAYS = {
  key: 'retention.network_signup_days',
  label: 'Bewaartermijn onbevestigde netwerkaanmeldingen',
  description: 'Een aanmelding voor het netwerk die nooit is bevestigd, wordt zo lang na het verlopen van de link verwijderd.',
  unit: 'dagen' as const,
  default: 7,
  min: 1,
  max: 90,
};

const inList = (emails: string[]) => (emails.length ? emails : ['']);

export const networkPersonalData: PersonalDataSource = {
  key: 'network',
  title: 'Netwerk',
  async identify(db, email) {
    const orgs = await db.selectFrom('organisations').select(['id', 'contact_name']).where(sql`lower(contact_email)`, '=', email).execute();
    return { names: orgs.flatMap((o) => (o.contact_name ? [o.contact_name] : [])), anchors: orgs.map((o) => `organisations:${o.id}`) };
  },
  async recall(db, anchors) {
    const ids = anchors.map((a) => a.replace(/^organisations:/, ''));
    const rows = await db.selectFrom('organisations').select(['contact_name', 'contact_email']).where('id', 'in', ids).execute();
    return {
      names: rows.flatMap((r) => (r.contact_name ? [r.contact_name] : [])),
      emails: rows.flatMap((r) => (r.contact_email ? [r.contact_email] : [])),
    };
  },
  async export(db, person) {
    const orgs = await db
      .selectFrom('organisations')
      .select(['name', 'contact_name', 'contact_email', 'consent_at'])
      .where(sql`lower(contact_email)`, 'in', inList(person.emails))
      .execute();
    const signups = await db
      .selectFrom('organisation_signups')
      .select(['created_at', 'expires_at'])
      .where('email', 'in', inList(person.emails))
      .execute();
    return {
      items: [
        ...orgs.map((o) => ({
          label: `Contactpersoon van ${o.name}`,
          fields: [
            ['Naam', o.contact_name ?? ''],
            ['E-mailadres', o.contact_email ?? ''],
            ['Toestemming voor het netwerkoverzicht', o.consent_at ? `sinds ${formatDateTime(o.consent_at)}` : 'nee'],
          ] as [string, string][],
        })),
        ...signups.map((s) => ({
          label: 'Onbevestigde aanmelding voor het netwerk',
          fields: [['Verstuurd', formatDateTime(s.created_at)]] as [string, string][],
        })),
      ],
      data: { contact_of: orgs, unconfirmed_signups: signups },
    };
  },
  async plan(db, person, s) {
    const orgs = await db.selectFrom('organisations').select('id').where(sql`lower(contact_email)`, 'in', inList(person.emails)).execute();
    const signups = await db.selectFrom('organisation_signups').select('id').where('email', 'in', inList(person.emails)).execute();
    return [
      { action: 'verwijderd', what: 'contactpersoon van organisaties in het netwerk', count: orgs.length },
      {
        action: 'bewaard',
        what: 'die organisaties zelf',
        count: orgs.length,
        why: 'een organisatie is geen persoon; zij krijgt een nieuwe contactpersoon',
      },
      { action: 'verwijderd', what: 'onbevestigde aanmeldingen voor het netwerk', count: signups.length },
      {
        action: 'geanonimiseerd',
        what: 'beschrijvingen en toelichtingen bij kennismakingen die de persoon noemen',
        count: (await countMentions(db, 'organisations', ['description'], s)) + (await countMentions(db, 'introductions', ['note'], s)),
      },
    ];
  },
  async erase(trx, person, s) {
    const emails = inList(person.emails);
    await trx
      .updateTable('organisations')
      .set({ contact_name: null, contact_email: null })
      .where(sql`lower(contact_email)`, 'in', emails)
      .execute();
    await trx.deleteFrom('organisation_signups').where('email', 'in', emails).execute();
    if (person.userIds.length) await trx.deleteFrom('organisation_users').where('user_id', 'in', person.userIds).execute();
    await scrubRows(trx, 'organisations', 'id', ['description'], s);
    await scrubRows(trx, 'introductions', 'id', ['note'], s);
  },
  retention: [
    {
      key: 'network-signups',
      label: 'Onbevestigde netwerkaanmeldingen',
      action: 'verwijderd',
      because: (n) => `omdat de bevestigingslink ${n} dagen geleden verliep`,
      setting: SIGNUP_DAYS,
      ...deleteAfter('organisation_signups', 'id', 'expires_at', 'aanmelding'),
    },
  ],
};
