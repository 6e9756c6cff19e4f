import { ConfigError, loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { ensureSeedPages } from '../features/content/index.ts';
import { ensureReferenceData } from '../features/reference/index.ts';

/** `npm run migrate` brings the schema up to date; `npm run migrate -- down` undoes the last step. */
async function main(direction: string | undefined) {
  const config = loadConfig(process.env);
  const db = connect(config.database);
  try {
    if (direction === 'down') {
      const done = await migrateDown(db);
      process.stdout.write(done.length ? `${done.join('\n')}\n` : 'Niets terug te draaien.\n');
    } else if (direction === undefined || direction === 'up') {
      const done = await migrateToLatest(db);
      await ensureReferenceData(db);
      await ensureSeedPages(db);
      process.stdout.write(done.length ? `${done.join('\n')}\n` : 'Database is al bij.\n');
    } else {
      process.stderr.write('Gebruik: npm run migrate [-- up|down]\n');
      process.exitCode = 2;
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Migratie mislukt: ${String(error)}`}\n`);
  process.exit(1);
});
