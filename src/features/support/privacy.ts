import { sql } from 'kysely';
import { countMentions, scrubRows } from '../../platform/privacy/repo.ts';
import { ERASED_PERSON } from '../../platform/privacy/scrub.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { formatDateTime } from '../../platform/time.ts';

/**
 * Support threads: who wrote each message (name and account), what they wrote, the team's notes,
 * attachments, and mail held because its sender was unknown. Closed threads lose their text and
 * files after the retention period; the request (theme, outcome, dates) stays for the figures.
 */
export const THREAD_MONTHS = {
  key: 'retention.support_thread_months',
  label: 'Bewaartermijn ondersteuningsgesprekken',
  description:
    'Zo lang na het afsluiten van een ondersteuningsvraag blijven de berichten, notities en bijlagen bewaard; thema, uitkomst en data blijven voor de cijfers.',
  unit: 'maanden' as const,
  default: 24,
  min: 3,
  max: 120,
};

export const ERASED_MESSAGE = '[bericht verwijderd na de bewaartermijn]';

export const supportPersonalData: PersonalDataSource = {
  key: 'support',
  title: 'Ondersteuning',
  async identify(db, email) {
    const held = await db.selectFrom('support_held').select('id').where(sql`lower(from_address)`, '=', email).execute();
    return { anchors: held.map((h) => `support_held:${h.id}`) };
  },
  async recall(db, anchors) {
    const ids = anchors.map((a) => a.replace(/^support_held:/, ''));
    const rows = await db.selectFrom('support_held').select('from_address').where('id', 'in', ids).execute();
    return { emails: rows.map((r) => r.from_address) };
  },
  async export(db, person) {
    const ids = person.userIds.length ? person.userIds : [''];
    const messages = await db
      .selectFrom('support_messages')
      .innerJoin('support_requests', 'support_requests.id', 'support_messages.request_id')
      .select([
        'support_requests.reference',
        'support_requests.subject',
        'support_messages.body',
        'support_messages.created_at',
        'support_messages.via',
      ])
      .where('support_messages.author_id', 'in', ids)
      .orderBy('support_messages.created_at')
      .execute();
    const held = person.emails.length
      ? await db
          .selectFrom('support_held')
          .select(['subject', 'received_at'])
          .where(sql`lower(from_address)`, 'in', person.emails)
          .execute()
      : [];
    return {
      items: [
        ...messages.map((m) => ({
          label: `Bericht bij ondersteuningsvraag ${m.reference} "${m.subject}"`,
          fields: [
            ['Geschreven', formatDateTime(m.created_at)],
            ['Via', m.via === 'mail' ? 'e-mail' : 'website'],
            ['Tekst', m.body],
          ] as [string, string][],
        })),
        ...held.map((h) => ({
          label: 'Vastgehouden e-mail',
          fields: [
            ['Onderwerp', h.subject],
            ['Ontvangen', formatDateTime(h.received_at)],
          ] as [string, string][],
        })),
      ],
      data: { messages, held_mail: held },
    };
  },
  async plan(db, person, s) {
    const ids = person.userIds.length ? person.userIds : [''];
    const own = await db.selectFrom('support_messages').select('id').where('author_id', 'in', ids).execute();
    const held = person.emails.length
      ? await db.selectFrom('support_held').select('id').where(sql`lower(from_address)`, 'in', person.emails).execute()
      : [];
    return [
      { action: 'geanonimiseerd', what: 'berichten van de persoon in ondersteuningsvragen (naam en genoemde gegevens)', count: own.length },
      {
        action: 'bewaard',
        what: 'de tekst van die berichten',
        count: own.length,
        why: 'het gesprek hoort bij de vraag van de route; de persoon heet er "verwijderde persoon" en genoemde adressen en namen verdwijnen',
      },
      { action: 'verwijderd', what: 'vastgehouden e-mail van het adres', count: held.length },
      {
        action: 'geanonimiseerd',
        what: 'andere berichten, notities en vragen die de persoon noemen',
        count:
          (await countMentions(db, 'support_messages', ['body', 'author_name'], s)) +
          (await countMentions(db, 'support_notes', ['body'], s)),
      },
    ];
  },
  async erase(trx, person, s) {
    if (person.userIds.length)
      await trx.updateTable('support_messages').set({ author_name: ERASED_PERSON }).where('author_id', 'in', person.userIds).execute();
    if (person.emails.length) await trx.deleteFrom('support_held').where(sql`lower(from_address)`, 'in', person.emails).execute();
    await scrubRows(trx, 'support_messages', 'id', ['body', 'author_name'], s);
    await scrubRows(trx, 'support_notes', 'id', ['body'], s);
    await scrubRows(trx, 'support_requests', 'id', ['subject', 'summary', 'condition_text'], s);
    await scrubRows(trx, 'support_held', 'id', ['subject', 'body'], s);
  },
  retention: [
    {
      key: 'support-threads',
      label: 'Gesprekken van afgesloten ondersteuningsvragen',
      action: 'verwijderd',
      because: (n) => `omdat de vraag ${n} maanden geleden is afgesloten`,
      setting: THREAD_MONTHS,
      async candidates(db, before, limit) {
        const rows = await db
          .selectFrom('support_requests')
          .select(['id', 'closed_at', 'reference'])
          .where('state', '=', 'closed')
          .where('closed_at', '<', before)
          .where((eb) =>
            eb.or([
              eb.exists(
                eb
                  .selectFrom('support_messages')
                  .select('id')
                  .whereRef('support_messages.request_id', '=', 'support_requests.id')
                  .where('body', '<>', ERASED_MESSAGE),
              ),
              eb.exists(eb.selectFrom('support_notes').select('id').whereRef('support_notes.request_id', '=', 'support_requests.id')),
            ]),
          )
          .orderBy('closed_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, since: r.closed_at as string, label: r.reference }));
      },
      async apply(trx, id) {
        const req = await trx.selectFrom('support_requests').select('state').where('id', '=', id).executeTakeFirst();
        if (req?.state !== 'closed') return false;
        await trx.deleteFrom('support_files').where('request_id', '=', id).execute();
        await trx.deleteFrom('support_notes').where('request_id', '=', id).execute();
        const r = await trx
          .updateTable('support_messages')
          .set({ body: ERASED_MESSAGE, author_name: ERASED_PERSON })
          .where('request_id', '=', id)
          .where('body', '<>', ERASED_MESSAGE)
          .executeTakeFirst();
        await trx.updateTable('support_requests').set({ summary: null }).where('id', '=', id).execute();
        return Number(r.numUpdatedRows) >= 0;
      },
    },
  ],
};
