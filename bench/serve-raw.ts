// The ceiling: a bare node:http server sending fixed bytes (the app's home page) for every request;
// with a third argument (a JSON file of [name, value] pairs), with those headers instead of the two
// it needs, as a measure of what the headers alone cost.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2] ?? '');
const port = Number(process.argv[3] ?? 0);
const extra = process.argv[4] ? (JSON.parse(readFileSync(process.argv[4], 'utf8')) as [string, string][]).flat() : null;
const server = createServer((_req, res) => {
  if (extra) res.writeHead(200, [...extra, 'content-length', String(body.length)]);
  else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
});
