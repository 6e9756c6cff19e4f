import { formatDateTime } from '../../../platform/time.ts';
import { Heading1, Notice, TableScroll } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { MailboxMessage } from '../service.ts';

export function MailboxList({ ctx, messages }: { ctx: PageContext; messages: MailboxMessage[] }) {
  return (
    <Layout ctx={ctx} title="Postvak (ontwikkeling)">
      <Heading1>Postvak (ontwikkeling)</Heading1>
      <Notice kind="warning">
        Er is geen mailserver ingesteld (SMTP_URL). Berichten worden daarom niet verstuurd maar hier bewaard. In productie bestaat deze
        pagina niet.
      </Notice>
      {messages.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn nog geen berichten.</p>
      ) : (
        <TableScroll label="Berichten">
          <table class="mkb-table">
            <thead>
              <tr>
                <th scope="col">Onderwerp</th>
                <th scope="col">Aan</th>
                <th scope="col">Tijd</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a class="utrecht-link" href={`/dev/mailbox/${m.id}`}>
                      {m.subject}
                    </a>
                  </td>
                  <td>{m.to}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its web addresses made clickable; every piece still escaped by Preact. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <div class="mkb-mail">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a class="utrecht-link" href={part} key={i}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </div>
  );
}

export function MailboxMessageView({ ctx, message }: { ctx: PageContext; message: MailboxMessage }) {
  return (
    <Layout ctx={ctx} title={message.subject}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/dev/mailbox">
          Terug naar het postvak
        </a>
      </p>
      <Heading1>{message.subject}</Heading1>
      <p class="mkb-meta">
        Aan {message.to} · {formatDateTime(message.createdAt)}
      </p>
      <LinkedText text={message.text} />
      {message.attachments.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">Bijlagen</h2>
          <ul>
            {message.attachments.map((a, i) => (
              <li key={a.filename}>
                <a class="utrecht-link" href={`/dev/mailbox/${message.id}/bijlagen/${i}`}>
                  {a.filename}
                </a>{' '}
                <span class="mkb-meta">({Math.ceil(a.content.length / 1024)} kB)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
