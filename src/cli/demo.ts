/**
 * `npm run demo -- remove`: takes the demo out of the database of DATABASE_URL (see
 * src/demo/remove.ts). `npm run demo -- load` loads it (never in production).
 */
import { prepareDatabase } from '../boot.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { loadDemoContent } from '../demo/load.ts';
import { removeDemoContent } from '../demo/remove.ts';

const command = process.argv[2];
if (command !== 'remove' && command !== 'load') {
  process.stderr.write('Gebruik: npm run demo -- remove   (of: load)\n');
  process.exit(2);
}
try {
  const config = loadConfig({ ...process.env, DEMO_CONTENT: 'off' });
  const { db } = await prepareDatabase(config);
  if (command === 'remove') {
    const r = await removeDemoContent(db);
    process.stdout.write(
      `Demo verwijderd: ${r.users} demo-gebruikers, ${r.registrations} aanmeldingen, ${r.content} verhalen en bestanden, ${r.mails} e-mails. Echte gegevens zijn niet aangeraakt.\n`,
    );
  } else {
    if (config.env === 'production') throw new ConfigError(['Demo-inhoud kan niet worden geladen in productie']);
    const loaded = await loadDemoContent(db, config);
    process.stdout.write(loaded ? 'Demo geladen.\n' : 'De demo was al geladen.\n');
  }
  await db.destroy();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
