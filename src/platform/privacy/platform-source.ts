import type { Db, Trx } from '../../db/connect.ts';
import { formatDateTime } from '../time.ts';
import { countMentions, deleteAfter, scrubRows } from './repo.ts';
import type { PersonalDataSource } from './types.ts';

/**
 * The platform's own tables that hold personal data: mail in the outbox (to the person, or naming
 * them), the audit trail's details, and sessions. Retention: sent mail and expired sessions are deleted after a period.
 */
export const SENT_MAIL_DAYS = {
  key: 'retention.sent_mail_days',
  label: 'Bewaartermijn verzonden e-mail',
  description: 'Zo lang blijft een verzonden e-mail (aan wie, onderwerp, tekst) in de wachtrij bewaard; daarna wordt hij verwijderd.',
  unit: 'dagen' as const,
  default: 90,
  min: 7,
  max: 730,
};

export const EXPIRED_SESSION_DAYS = {
  key: 'retention.expired_session_days',
  label: 'Bewaartermijn verlopen sessies',
  description: 'Zo lang na het verlopen blijft een sessie (wie was ingelogd) bewaard; daarna wordt zij verwijderd.',
  unit: 'dagen' as const,
  default: 1,
  min: 1,
  max: 90,
};

const toThem = (db: Db | Trx, emails: string[]) =>
  db.selectFrom('outbox').where((eb) => eb(eb.fn('lower', ['to_address']), 'in', emails.length ? emails : ['']));

export const platformPersonalData: PersonalDataSource = {
  key: 'platform',
  title: 'E-mail en logboek',
  async identify() {
    return {};
  },
  async export(db, person) {
    const mails = await toThem(db, person.emails).select(['subject', 'created_at', 'sent_at']).orderBy('created_at').execute();
    return {
      items: mails.map((m) => ({
        label: `E-mail: ${m.subject}`,
        fields: [
          ['Aangemaakt', formatDateTime(m.created_at)],
          ['Verzonden', m.sent_at ? formatDateTime(m.sent_at) : 'nog niet'],
        ],
      })),
      data: { mails: mails.map((m) => ({ subject: m.subject, created_at: m.created_at, sent_at: m.sent_at })) },
    };
  },
  async plan(db, person, s) {
    const sent = Number(
      (
        await toThem(db, person.emails)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const mentioned = await countMentions(db, 'outbox', ['subject', 'body_text'], s);
    const audit = await countMentions(db, 'audit_events', ['detail'], s);
    return [
      { action: 'verwijderd', what: 'e-mails aan de persoon (verzonden en in de wachtrij)', count: sent },
      { action: 'geanonimiseerd', what: 'andere e-mails waarin de persoon wordt genoemd', count: Math.max(0, mentioned - sent) },
      { action: 'geanonimiseerd', what: 'regels in het logboek waarin de persoon wordt genoemd', count: audit },
    ];
  },
  async erase(trx, person, s) {
    if (person.emails.length)
      await trx
        .deleteFrom('outbox')
        .where((eb) => eb(eb.fn('lower', ['to_address']), 'in', person.emails))
        .execute();
    await scrubRows(trx, 'outbox', 'id', ['subject', 'body_text', 'reply_to'], s);
    await scrubRows(trx, 'audit_events', 'id', ['detail'], s);
    if (person.userIds.length) await trx.deleteFrom('sessions').where('user_id', 'in', person.userIds).execute();
    if (person.emails.length) await trx.deleteFrom('sessions').where('pending_email', 'in', person.emails).execute();
  },
  retention: [
    {
      key: 'sent-mail',
      label: 'Verzonden e-mail',
      action: 'verwijderd',
      because: (n) => `omdat ze ${n} dagen geleden zijn verzonden`,
      setting: SENT_MAIL_DAYS,
      async candidates(db, before, limit) {
        const rows = await db
          .selectFrom('outbox')
          .select(['id', 'sent_at', 'subject'])
          .where('sent_at', 'is not', null)
          .where('sent_at', '<', before)
          .orderBy('sent_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, since: r.sent_at as string, label: r.subject }));
      },
      async apply(trx, id) {
        const r = await trx.deleteFrom('outbox').where('id', '=', id).where('sent_at', 'is not', null).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      },
    },
    {
      key: 'expired-sessions',
      label: 'Verlopen sessies',
      action: 'verwijderd',
      because: (n) => `omdat ze ${n} ${n === 1 ? 'dag' : 'dagen'} geleden zijn verlopen`,
      setting: EXPIRED_SESSION_DAYS,
      ...deleteAfter('sessions', 'id_hash', 'expires_at', 'sessie'),
    },
  ],
};
