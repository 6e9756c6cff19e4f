import type { FastifyInstance } from 'fastify';
import type { Client } from './helpers.ts';

/** A multipart form as a browser posts it, with one file (or none). */
export async function postMultipart(
  site: { app: FastifyInstance },
  client: Client,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const boundary = '----mkbroute-support';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: client.lastCsrf ?? '', ...fields }))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="bijlage"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return site.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}
