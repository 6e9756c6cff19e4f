import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { pageContext } from '../../platform/page-context.ts';
import { sendPage } from '../../ui/render.ts';
import { mailboxMessage, mailboxMessages } from './service.ts';
import { MailboxList, MailboxMessageView } from './views/mailbox.tsx';

/** Only with the dev mailbox on (development without SMTP_URL); a 404 everywhere else. */
export default async function devMailboxRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get('/dev/mailbox', { config: { access: 'development' } }, async (request, reply) =>
    sendPage(reply, <MailboxList ctx={pageContext(request, reply)} messages={await mailboxMessages(db)} />),
  );

  app.get<{ Params: { id: string } }>('/dev/mailbox/:id', { config: { access: 'development' } }, async (request, reply) => {
    const message = await mailboxMessage(db, request.params.id.slice(0, 36));
    if (!message) throw new NotFoundError('mail');
    return sendPage(reply, <MailboxMessageView ctx={pageContext(request, reply)} message={message} />);
  });

  app.get<{ Params: { id: string; n: string } }>(
    '/dev/mailbox/:id/bijlagen/:n',
    { config: { access: 'development' } },
    async (request, reply) => {
      const message = await mailboxMessage(db, request.params.id.slice(0, 36));
      const attachment = message?.attachments[Number(request.params.n)];
      if (!attachment) throw new NotFoundError('attachment');
      const safeName = attachment.filename.replace(/[^\w.-]+/g, '_');
      return reply
        .type(attachment.contentType)
        .header('content-disposition', `attachment; filename="${safeName}"`)
        .send(attachment.content);
    },
  );
}
