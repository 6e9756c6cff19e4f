import { ConfigError, loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { exportData } from '../db/transfer.ts';

/** `npm run export -- <nieuwe map>`: every table as JSON Lines, for `npm run import` on either engine. */
async function main(args: string[]) {
  const config = loadConfig(process.env);
  if (args.length !== 1 || !args[0]) {
    process.stderr.write('Gebruik: npm run export -- <nieuwe, lege map>\n');
    process.exitCode = 2;
    return;
  }
  const db = connect(config.database, { poolSize: 1 });
  try {
    const manifest = await exportData(db, args[0]);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    process.stdout.write(
      `Geëxporteerd naar ${args[0]}: ${manifest.tables.length} tabellen, ${rows} rijen (${manifest.engine}, migratie ${manifest.lastMigration}).\n`,
    );
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Exporteren mislukt: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
});
