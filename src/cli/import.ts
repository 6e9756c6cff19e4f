import { ConfigError, loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { importData } from '../db/transfer.ts';
import { rebuildSearchIndex } from '../features/catalogue/index.ts';
import { rebuildSearchEntries } from '../features/search/index.ts';

/**
 * `npm run import -- <map van een export>` loads an export into the empty database DATABASE_URL
 * names (SQLite or PostgreSQL), checks every table against the export, and rebuilds the search index.
 */
async function main(args: string[]) {
  const config = loadConfig(process.env);
  if (args.length !== 1 || !args[0]) {
    process.stderr.write('Gebruik: npm run import -- <map van een export>\n');
    process.exitCode = 2;
    return;
  }
  const db = connect(config.database, { poolSize: 2 });
  try {
    const result = await importData(db, args[0]);
    if (!result.ok) {
      process.stdout.write(`Niet geïmporteerd:\n${result.problems.map((p) => `- ${p}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    const entries = await rebuildSearchEntries(db);
    const routes = await rebuildSearchIndex(db);
    const migrated = result.migrated.length ? `; daarna bijgewerkt: ${result.migrated.join(', ')}` : '';
    process.stdout.write(
      `Geïmporteerd: ${result.rows} rijen, alle tabellen gelijk aan de export${migrated}. Zoekindexen opnieuw opgebouwd (${routes} routes; ${entries} items in de zoekfunctie).\n`,
    );
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Importeren mislukt: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
});
