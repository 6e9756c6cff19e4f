// The application as it runs in production: config from the environment, migrated database, logs on.
import { buildApp } from '../src/app.ts';
import { prepareDatabase } from '../src/boot.ts';
import { loadConfig } from '../src/config.ts';

const config = loadConfig(process.env);
const { db } = await prepareDatabase(config);
const app = await buildApp({ config, db });
await app.listen({ port: config.port, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(`listening ${address.port}\n`);
