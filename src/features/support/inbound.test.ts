import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, signIn } from '../../../test/helpers.ts';
import { postMultipart } from '../../../test/multipart.ts';

const SECRET = 'een-geheim-van-de-mailserver-0123456789';
const DOMAIN = 'antwoord.mkbroute.test';

/**
 * A real SMTP server in the process, standing in for Postfix: every mail it accepts is posted raw
 * to the platform's inbound endpoint, as the pipe in docs/operations.md does.
 */
async function mailServer(t: { after: (fn: () => unknown) => void }, deliver: (raw: Buffer) => Promise<unknown>) {
  const results: unknown[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        deliver(Buffer.concat(chunks)).then(
          (r) => {
            results.push(r);
            callback();
          },
          (e) => callback(e as Error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return { send: (mail: Parameters<typeof transport.sendMail>[0]) => transport.sendMail(mail), results };
}

describe('support: replies by mail through a real SMTP server', () => {
  test('matched by the reply address, quotes cut, posted once; unknown senders and forged addresses held; In-Reply-To as the fallback', async (t) => {
    const site = await buildTestApp(t, { env: { INBOUND_MAIL_SECRET: SECRET, REPLY_DOMAIN: DOMAIN } });
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { name: 'Anna' });
    const tessa = await user(site.db, 'tessa@programma.nl', 'team', { name: 'Tessa Team' });
    const route = await registration(site, 'accepted', { applicant: anna, team: tessa });
    const annaClient = await signIn(site.app, site.db, 'anna@avans.nl');
    await annaClient.get('/mijn/ondersteuning/nieuw');
    const asked = await postMultipart(site, annaClient, '/mijn/ondersteuning/nieuw', {
      route: route.id,
      theme: 'supervision',
      subject: 'Werkplekbezoeken',
      question: 'Hoe vaak?',
    });
    const id = String(asked.headers.location).split('/')[2]?.split('?')[0] ?? '';
    const req = await site.db.selectFrom('support_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const address = `reply+${req.reply_token}@${DOMAIN}`;
    const receipt = await site.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'anna@avans.nl')
      .where('subject', 'like', '[ONDS-%')
      .executeTakeFirstOrThrow();
    assert.equal(receipt.reply_to, address);

    const smtp = await mailServer(t, async (raw) => {
      const res = await site.app.inject({
        method: 'POST',
        url: '/inkomend/mail',
        payload: raw,
        headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` },
      });
      return JSON.parse(res.body);
    });
    const thread = async () =>
      await site.db
        .selectFrom('support_messages')
        .select(['body', 'via', 'author_name', 'from_team'])
        .where('request_id', '=', id)
        .orderBy('created_at')
        .execute();

    // Bram, the route's second contact, replies from his mail program; the quoted history goes.
    await smtp.send({
      from: 'Bram Bos <bram@avans.nl>',
      to: address,
      subject: `Re: ${receipt.subject}`,
      messageId: '<antwoord-1@avans.nl>',
      text: 'Twee keer per semester zou mooi zijn.\n\nOp 30 nov. 2026 schreef Programmateam <noreply@mkbroute.localhost>:\n> Uw vraag is ontvangen',
    });
    // The same mail delivered twice (same Message-ID): posted once.
    await smtp.send({
      from: 'bram@avans.nl',
      to: address,
      subject: 'Re: x',
      messageId: '<antwoord-1@avans.nl>',
      text: 'Twee keer per semester zou mooi zijn.',
    });
    // A stranger, and a forged token: held, never posted.
    await smtp.send({
      from: 'onbekend@elders.nl',
      to: address,
      subject: 'Re: x',
      messageId: '<vreemd@elders.nl>',
      text: 'Ik meng me erin.',
    });
    await smtp.send({
      from: 'bram@avans.nl',
      to: `reply+ABCDEFGHIJKLMNOPQRSTUVWX@${DOMAIN}`,
      subject: 'Re: x',
      messageId: '<vals@avans.nl>',
      text: 'Vals adres.',
    });
    // Tessa answers from her own mail program to the general address, replying to our mail: In-Reply-To threads it.
    await smtp.send({
      from: 'tessa@programma.nl',
      to: `ondersteuning@${DOMAIN}`,
      subject: 'Re: Werkplekbezoeken',
      messageId: '<tessa-1@programma.nl>',
      inReplyTo: `<${receipt.id}@localhost>`,
      references: [`<${receipt.id}@localhost>`],
      text: 'Dat kan. Ik plan het in.',
    });

    assert.deepEqual(
      smtp.results.map((r) => `${(r as { result: string }).result} ${(r as { reason?: string }).reason ?? ''}`.trim()),
      [
        'posted',
        'duplicate',
        'held afzender onbekend@elders.nl hoort niet bij deze vraag',
        'held onbekend of vervalst antwoordadres',
        'posted',
      ],
    );
    assert.deepEqual(await thread(), [
      { body: 'Hoe vaak?', via: 'web', author_name: 'Anna', from_team: 0 },
      { body: 'Twee keer per semester zou mooi zijn.', via: 'mail', author_name: 'bram@avans.nl', from_team: 0 },
      { body: 'Dat kan. Ik plan het in.', via: 'mail', author_name: 'Tessa Team', from_team: 1 },
    ]);
    const held = await site.db.selectFrom('support_held').select(['from_address', 'reason', 'request_id']).orderBy('received_at').execute();
    assert.deepEqual(held, [
      { from_address: 'onbekend@elders.nl', reason: 'afzender onbekend@elders.nl hoort niet bij deze vraag', request_id: id },
      { from_address: 'bram@avans.nl', reason: 'onbekend of vervalst antwoordadres', request_id: null },
    ]);
    // The team sees the held mail and handles it.
    const team = await signIn(site.app, site.db, 'tessa@programma.nl');
    assert.match((await team.get('/beheer/ondersteuning')).body, /2 e-mails wachten op beoordeling/);
    const page = (await team.get('/beheer/ondersteuning/vastgehouden')).body;
    assert.match(page, /Ik meng me erin\./);
    const heldId = (
      await site.db.selectFrom('support_held').select('id').where('from_address', '=', 'onbekend@elders.nl').executeTakeFirstOrThrow()
    ).id;
    assert.equal((await team.post(`/beheer/ondersteuning/vastgehouden/${heldId}`, {})).statusCode, 303);
    assert.match((await team.get('/beheer/ondersteuning')).body, /1 e-mail wacht op beoordeling/);
    // Tessa's mail counted as the first response.
    assert.ok(
      (await site.db.selectFrom('support_requests').select('first_response_at').where('id', '=', id).executeTakeFirstOrThrow())
        .first_response_at,
    );

    // Without the secret the endpoint refuses; without a configured secret it does not exist.
    const noSecret = await site.app.inject({
      method: 'POST',
      url: '/inkomend/mail',
      payload: 'x',
      headers: { 'content-type': 'message/rfc822' },
    });
    assert.equal(noSecret.statusCode, 401);
    const plain = await buildTestApp(t);
    const none = await plain.app.inject({
      method: 'POST',
      url: '/inkomend/mail',
      payload: 'x',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` },
    });
    assert.equal(none.statusCode, 404);
  });
});
