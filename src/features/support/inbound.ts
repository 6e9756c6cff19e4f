import { type AddressObject, simpleParser } from 'mailparser';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { newId } from '../../platform/crypto.ts';
import { PageError } from '../../platform/errors.tsx';
import { teamWithExpertise, usersOfInstitution } from '../accounts/index.ts';
import { contactsOf, registrationById } from '../registrations/index.ts';
import { findRequest, findRequestByToken, insertHeld, messageWithId, requestOfOutbox } from './repo.ts';
import { cutQuotedHistory, replyToken } from './rules.ts';
import { type Author, postMessage } from './service.ts';

export type Received = { result: 'posted' | 'held' | 'duplicate'; reason?: string };

/** The addresses of a header as written (a reply token is case-sensitive). */
const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);

/**
 * A mail the mail server delivered to a reply address. Matched by the address's token first and by
 * In-Reply-To/References (our own outgoing Message-IDs) only when there is none; posted only when
 * the sender is on the thread (the route's contacts and colleagues, the programme team), with the
 * quoted history cut. Anything else is held for the team, never posted; a Message-ID seen before is
 * dropped, so a mail delivered twice is posted once.
 */
export async function receiveMail(
  db: Db,
  config: Pick<Config, 'baseUrl' | 'replyDomain' | 'sessionSecret'>,
  raw: Buffer,
  now = new Date(),
): Promise<Received> {
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  const messageId = (mail.messageId ?? '').slice(0, 300) || null;
  if (messageId && (await messageWithId(db, messageId))) return { result: 'duplicate' };
  const from = (addresses(mail.from)[0] ?? '').toLowerCase();
  const subject = (mail.subject ?? '').slice(0, 300);
  const text = (mail.text ?? '').slice(0, 100_000);
  const hold = async (reason: string, requestId: string | null): Promise<Received> => {
    const fresh = await insertHeld(db, {
      id: newId(),
      received_at: now.toISOString(),
      from_address: from.slice(0, 300) || 'onbekend',
      subject,
      body: text,
      message_id: messageId,
      request_id: requestId,
      reason,
      handled_at: null,
    });
    return fresh ? { result: 'held', reason } : { result: 'duplicate' };
  };

  const recipients = [
    ...addresses(mail.to),
    ...addresses(mail.cc),
    ...[mail.headers.get('delivered-to')].flat().map((v) => String(v ?? '').toLowerCase()),
  ];
  const token = recipients.map((a) => replyToken(a, config.replyDomain)).find((t): t is string => t !== null) ?? null;
  let request = token ? await findRequestByToken(db, token) : undefined;
  if (token && !request) return hold('onbekend of vervalst antwoordadres', null);
  if (!request) {
    const refs = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()]
      .map((r) => /^<?([0-9a-f-]{36})@/i.exec(String(r).trim())?.[1])
      .filter((v): v is string => Boolean(v));
    const ref = await requestOfOutbox(db, refs);
    request = ref ? await findRequest(db, ref.request_id) : undefined;
  }
  if (!request) return hold('geen vraag gevonden bij dit adres of deze kopregels', null);
  const reg = await registrationById(db, request.registration_id);
  if (!reg) return hold('de route bestaat niet meer', request.id);

  const team = (await teamWithExpertise(db)).find((m) => m.email === from);
  let author: Author | null = team ? { userId: team.id, name: team.name, email: from, team: true } : null;
  if (!author) {
    const colleague = (await usersOfInstitution(db, reg.institutionBrin)).find((u) => u.email === from);
    const contacts = await contactsOf(db, reg);
    if (colleague) author = { userId: colleague.id, name: colleague.name ?? colleague.email, email: from, team: false };
    else if (contacts.includes(from)) author = { userId: null, name: from, email: from, team: false };
  }
  if (!author) return hold(`afzender ${from || 'onbekend'} hoort niet bij deze vraag`, request.id);
  const body = cutQuotedHistory(text);
  if (!body) return hold('het antwoord is leeg (alleen geciteerde tekst)', request.id);
  try {
    const posted = await postMessage(db, config, author, request.id, body, null, { via: 'mail', messageId }, now);
    if (!posted.ok) return hold(posted.errors.map((e) => e.message).join('; '), request.id);
  } catch (error) {
    if (error instanceof PageError) return hold(error.title, request.id);
    if (/unique|duplicate key/i.test(String((error as Error).message))) return { result: 'duplicate' };
    throw error;
  }
  return { result: 'posted' };
}
