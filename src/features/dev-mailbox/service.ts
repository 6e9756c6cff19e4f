import type { Db } from '../../db/connect.ts';
import { decodeAttachments, findMail, listMail, type MailAttachment } from '../../platform/mail/repo.ts';

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  status: 'verstuurd' | 'wacht' | 'mislukt';
  attachments: MailAttachment[];
};

function toMessage(row: Awaited<ReturnType<typeof findMail>> & object): MailboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.body_text,
    createdAt: row.created_at,
    status: row.sent_at ? 'verstuurd' : row.attempts > 0 ? 'mislukt' : 'wacht',
    attachments: decodeAttachments(row.attachments),
  };
}

export async function mailboxMessages(db: Db): Promise<MailboxMessage[]> {
  return (await listMail(db)).map(toMessage);
}

export async function mailboxMessage(db: Db, id: string): Promise<MailboxMessage | null> {
  const row = await findMail(db, id);
  return row ? toMessage(row) : null;
}
