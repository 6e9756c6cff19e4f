import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { countMentions, scrubRows } from '../../platform/privacy/repo.ts';
import { ERASED_PERSON, erasedAddress } from '../../platform/privacy/scrub.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { formatDateTime } from '../../platform/time.ts';

/**
 * Guests of bijeenkomsten: name, address and answers per registration, and unconfirmed sign-ups.
 * Anonymising keeps the registration's state and attendance (the programme's counts), never who.
 */
export const GUEST_MONTHS = {
  key: 'retention.event_guest_months',
  label: 'Bewaartermijn gasten van bijeenkomsten',
  description:
    'Zo lang na afloop van een bijeenkomst worden naam, e-mailadres en antwoorden van de gasten geanonimiseerd; aantallen en aanwezigheid blijven.',
  unit: 'maanden' as const,
  default: 12,
  min: 1,
  max: 60,
};

function mine(db: Db | Trx, emails: string[], userIds: string[]) {
  return db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .where((eb) =>
      eb.or([
        eb(sql`lower(event_registrations.email)`, 'in', emails.length ? emails : ['']),
        eb('event_registrations.user_id', 'in', userIds.length ? userIds : ['']),
      ]),
    );
}

async function anonymise(trx: Trx, id: string, now: Date): Promise<boolean> {
  const r = await trx
    .updateTable('event_registrations')
    .set({ name: ERASED_PERSON, email: erasedAddress(id), answers: '{}', user_id: null, anonymised_at: now.toISOString() })
    .where('id', '=', id)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const eventsPersonalData: PersonalDataSource = {
  key: 'events',
  title: 'Bijeenkomsten',
  async identify(db, email) {
    const rows = await mine(db, [email], []).select(['event_registrations.id', 'event_registrations.name']).execute();
    return { names: rows.map((r) => r.name), anchors: rows.map((r) => `event_registrations:${r.id}`) };
  },
  async recall(db, anchors) {
    const ids = anchors.map((a) => a.replace(/^event_registrations:/, ''));
    const rows = await db.selectFrom('event_registrations').select(['name', 'email', 'user_id']).where('id', 'in', ids).execute();
    return {
      names: rows.map((r) => r.name),
      emails: rows.map((r) => r.email),
      userIds: rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
    };
  },
  async export(db, person) {
    const rows = await mine(db, person.emails, person.userIds)
      .select([
        'events.title',
        'events.starts_at',
        'event_registrations.name',
        'event_registrations.email',
        'event_registrations.state',
        'event_registrations.attendance',
        'event_registrations.answers',
        'event_registrations.created_at',
      ])
      .orderBy('events.starts_at')
      .execute();
    return {
      items: rows.map((r) => ({
        label: `Aanmelding voor "${r.title}" (${formatDateTime(r.starts_at)})`,
        fields: [
          ['Naam', r.name],
          ['E-mailadres', r.email],
          ['Status', r.state],
          ['Aanwezigheid', r.attendance ?? 'niet vastgelegd'],
          [
            'Antwoorden',
            Object.values(JSON.parse(r.answers || '{}') as Record<string, unknown>)
              .map(String)
              .join('; '),
          ],
        ] as [string, string][],
      })),
      data: { event_registrations: rows.map((r) => ({ ...r, answers: JSON.parse(r.answers || '{}') })) },
    };
  },
  async plan(db, person, s) {
    const n = (await mine(db, person.emails, person.userIds).select(['event_registrations.id']).execute()).length;
    const pending = person.emails.length
      ? (await db.selectFrom('event_pending').select('id').where(sql`lower(email)`, 'in', person.emails).execute()).length
      : 0;
    return [
      { action: 'geanonimiseerd', what: 'aanmeldingen voor bijeenkomsten (naam, e-mailadres, antwoorden)', count: n },
      {
        action: 'bewaard',
        what: 'status en aanwezigheid van die aanmeldingen',
        count: n,
        why: 'als aantallen voor de cijfers van het programma, zonder naam',
      },
      { action: 'verwijderd', what: 'onbevestigde aanmeldingen', count: pending },
      {
        action: 'geanonimiseerd',
        what: 'bijeenkomsten waarvan de beschrijving de persoon noemt',
        count: await countMentions(db, 'events', ['description', 'reminder_text', 'cancel_reason'], s),
      },
    ];
  },
  async erase(trx, person, s, { now }) {
    for (const r of await mine(trx, person.emails, person.userIds).select(['event_registrations.id']).execute())
      await anonymise(trx, r.id, now);
    if (person.emails.length) await trx.deleteFrom('event_pending').where(sql`lower(email)`, 'in', person.emails).execute();
    await scrubRows(trx, 'events', 'id', ['description', 'reminder_text', 'cancel_reason'], s);
  },
  retention: [
    {
      key: 'event-guests',
      label: 'Gasten van afgelopen bijeenkomsten',
      action: 'geanonimiseerd',
      because: (n) => `omdat de bijeenkomst ${n} maanden geleden was`,
      setting: GUEST_MONTHS,
      async candidates(db, before, limit) {
        const rows = await db
          .selectFrom('event_registrations')
          .innerJoin('events', 'events.id', 'event_registrations.event_id')
          .select(['event_registrations.id', 'events.ends_at', 'events.title'])
          .where('event_registrations.anonymised_at', 'is', null)
          .where('events.ends_at', '<', before)
          .orderBy('events.ends_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, since: r.ends_at, label: r.title }));
      },
      apply: (trx, id, now) => anonymise(trx, id, now),
    },
  ],
};
