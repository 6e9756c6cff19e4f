import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.tsx';
import { emit } from '../../platform/events.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import { contactsOf, registrationById } from '../registrations/index.ts';
import './events.ts';
import { MAILS } from './messages.ts';
import { lockRequest, updateRequest } from './repo.ts';
import { isOutcome, OUTCOMES, REOPEN_DAYS, SUMMARY_MAX } from './rules.ts';
import { type MailConfig, mailThread, pageLink } from './service.ts';

const isTeam = (u: Pick<CurrentUser, 'role'>) => u.role === 'team' || u.role === 'admin';

/**
 * Closes one or several requests, each with an outcome from the closed list and a summary — the
 * same rule for one and for many. "Voorwaarde vervuld" marks the request's acceptance condition
 * as met on the route; the route gets the outcome and can reopen by replying within REOPEN_DAYS.
 */
export async function closeRequests(
  db: Db,
  config: MailConfig,
  actor: CurrentUser,
  ids: string[],
  outcome: string,
  summary: string,
  now = new Date(),
): Promise<{ ok: true; closed: number } | { ok: false; errors: FieldErrors }> {
  if (!isTeam(actor)) throw new ForbiddenError();
  const errors: FieldErrors = [];
  if (ids.length === 0) errors.push({ field: 'ids', message: 'Kies ten minste één vraag om af te sluiten' });
  if (!isOutcome(outcome)) errors.push({ field: 'outcome', message: 'Kies de uitkomst' });
  const text = summary.trim();
  if (!text) errors.push({ field: 'summary', message: 'Vat in een paar zinnen samen wat er is gebeurd' });
  else if (text.length > SUMMARY_MAX)
    errors.push({ field: 'summary', message: `De samenvatting is hooguit ${SUMMARY_MAX.toLocaleString('nl-NL')} tekens lang` });
  if (errors.length || !isOutcome(outcome)) return { ok: false, errors };
  let closed = 0;
  await db.transaction().execute(async (trx) => {
    for (const id of [...new Set(ids)]) {
      const req = await lockRequest(trx, id.slice(0, 36));
      if (!req) throw new NotFoundError('request');
      if (req.state === 'closed') continue;
      if (outcome === 'condition_met' && !req.condition_text)
        throw new ConflictError(
          `${req.reference} gaat niet over een voorwaarde`,
          'Alleen een vraag die vanuit een voorwaarde van de toelating is gesteld, kan met "voorwaarde vervuld" worden afgesloten. Kies een andere uitkomst.',
        );
      const reg = await registrationById(trx, req.registration_id);
      if (!reg) throw new NotFoundError('request');
      await updateRequest(trx, req.id, {
        state: 'closed',
        outcome,
        summary: text,
        closed_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await recordAudit(
        trx,
        {
          actorUserId: actor.id,
          action: 'support.closed',
          subjectType: 'registration',
          subjectId: reg.id,
          detail: { reference: req.reference, outcome },
        },
        now,
      );
      if (outcome === 'condition_met' && req.condition_text)
        await emit(
          'support.condition_met',
          { registrationId: reg.id, condition: req.condition_text, source: `ondersteuningsvraag ${req.reference}` },
          { trx, config, actorUserId: actor.id, now },
        );
      const mail = MAILS.closed({
        reference: req.reference,
        subject: req.subject,
        outcome: OUTCOMES[outcome],
        summary: text,
        days: REOPEN_DAYS,
        link: pageLink(config, req.id, false),
      });
      await mailThread(trx, config, req, await contactsOf(trx, reg), mail, now);
      closed++;
    }
  });
  return { ok: true, closed };
}
