import type { Config } from './config.ts';
import { connect, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoContent } from './demo/load.ts';
import { ensureTemplates } from './features/assessments/index.ts';
import { ensureRouteSearch } from './features/catalogue/index.ts';
import { ensureSeedPages } from './features/content/index.ts';
import { ensureKnowledge } from './features/knowledge/index.ts';
import { ensureNetworkLinks } from './features/network/index.ts';
import { ensureReferenceData } from './features/reference/index.ts';
import { ensureSearchEntries } from './features/search/index.ts';
import { PERSONAL_DATA } from './personal-data.ts';
import { replayLedger } from './platform/privacy/engine.ts';
import { wireWorkflows } from './workflows.ts';

/**
 * Brings a database to a state the app can serve from: schema up to date, reference data and
 * content pages present, and (in development, when asked) the demo content. Safe to repeat.
 */
export async function prepareDatabase(config: Config, db: Db = connect(config.database)): Promise<{ db: Db; demoLoaded: boolean }> {
  // Whatever this process does with the database, the workflows react to each other.
  wireWorkflows();
  await migrateToLatest(db);
  await ensureReferenceData(db);
  await ensureSeedPages(db);
  await ensureTemplates(db);
  await ensureSearchEntries(db);
  await ensureRouteSearch(db);
  await ensureKnowledge(db);
  // Partners named in admitted registrations before the network existed: linked once.
  await ensureNetworkLinks(db);
  // Erasures the database does not know of (restored from an older back-up) are carried out
  // again before anything is served (platform/privacy/ledger.ts).
  await replayLedger(db, PERSONAL_DATA, config.erasureLedger);
  const demoLoaded = config.demoContent ? await loadDemoContent(db, config) : false;
  return { db, demoLoaded };
}
