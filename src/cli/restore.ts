import { ConfigError, loadConfig } from '../config.ts';
import { restoreBackup } from '../db/backup.ts';
import { connect } from '../db/connect.ts';
import { PERSONAL_DATA } from '../personal-data.ts';
import { replayLedger } from '../platform/privacy/engine.ts';

/**
 * `npm run restore -- <back-up> [--force]` puts a back-up into the database DATABASE_URL names.
 * Stop the platform first. Without --force only into an empty database.
 */
async function main(args: string[]) {
  const config = loadConfig(process.env);
  const force = args.includes('--force');
  const paths = args.filter((a) => a !== '--force');
  if (paths.length !== 1 || !paths[0]) {
    process.stderr.write('Gebruik: npm run restore -- <map van een back-up> [--force]\n');
    process.exitCode = 2;
    return;
  }
  const result = await restoreBackup(config, paths[0], { force });
  if (!result.ok) {
    process.stdout.write(`Niet hersteld:\n${result.problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const migrated = result.migrated.length ? `; daarna bijgewerkt: ${result.migrated.join(', ')}` : '';
  // Erasures made after this back-up was taken are carried out again at once (the platform would
  // also do it when it starts, before serving anything).
  const db = connect(config.database);
  try {
    const replay = await replayLedger(db, PERSONAL_DATA, config.erasureLedger);
    process.stdout.write(
      `Hersteld: ${result.rows} rijen${migrated}.\nVerwijderlog (${config.erasureLedger}): ${replay.replayed} ${replay.replayed === 1 ? 'verwijdering' : 'verwijderingen'} opnieuw toegepast.\n`,
    );
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Herstellen mislukt: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
});
