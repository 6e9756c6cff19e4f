import { ConfigError, loadConfig } from '../config.ts';
import { createBackup, verifyBackup } from '../db/backup.ts';

/**
 * `npm run backup -- <map>` copies the running platform's database (with the uploaded files in it)
 * into a new folder in <map>; `npm run backup -- verify <back-up>` proves one can be restored.
 */
async function main(args: string[]) {
  const config = loadConfig(process.env);
  if (args[0] === 'verify' && args[1]) {
    const result = await verifyBackup(config, args[1]);
    if (result.ok) {
      const tables = Object.keys(result.manifest?.tables ?? {}).length;
      process.stdout.write(
        `Back-up in orde: hersteld in een tijdelijke database, ${tables} tabellen en ${result.rows} rijen kloppen met de manifest.\n`,
      );
      return;
    }
    process.stdout.write(`Back-up NIET in orde:\n${result.problems.map((p) => `- ${p}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  if (args.length !== 1 || !args[0] || args[0] === 'verify') {
    process.stderr.write('Gebruik: npm run backup -- <map>   of   npm run backup -- verify <map van een back-up>\n');
    process.exitCode = 2;
    return;
  }
  const { path, manifest } = await createBackup(config, args[0]);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  process.stdout.write(
    `Back-up gemaakt: ${path}\n(${manifest.engine}, migratie ${manifest.lastMigration}, ${Object.keys(manifest.tables).length} tabellen, ${rows} rijen)\n`,
  );
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Back-up mislukt: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
});
