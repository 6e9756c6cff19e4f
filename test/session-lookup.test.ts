import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prepareDatabase } from '../src/boot.ts';
import { connect } from '../src/db/connect.ts';
import { isPostgres } from '../src/db/dialect.ts';
import { sha256 } from '../src/platform/crypto.ts';
import { deleteSession } from '../src/platform/session/repo.ts';
import { createSession, loadSession } from '../src/platform/session/session.ts';
import { user } from './factories.ts';
import { ENGINE, freshDatabaseUrl, testConfig } from './helpers.ts';

const DAY = 86_400_000;

test(`sessions asked for at the same moment: each its own, expired and ended ones none, one statement on PostgreSQL (${ENGINE})`, async (t) => {
  const config = testConfig(await freshDatabaseUrl(t));
  let sessionStatements = 0;
  const { db } = await prepareDatabase(
    config,
    connect(config.database, {
      onQuery: (text) => {
        if (/from "sessions"/.test(text)) sessionStatements++;
      },
    }),
  );
  t.after(() => db.destroy());
  const anna = await user(db, 'anna@avans.nl', 'applicant', { brin: '07GR', name: 'Anna' });
  const bram = await user(db, 'bram@programma.nl', 'team', { name: 'Bram' });
  const cees = await user(db, 'cees@han.nl', 'applicant', { brin: '25KB', name: 'Cees' });
  const live = {
    anna: await createSession(db, { userId: anna.id }, null),
    bram: await createSession(db, { userId: bram.id }, null),
    cees: await createSession(db, { userId: cees.id }, null),
  };
  // Made fifteen days ago: it ended yesterday.
  const expired = await createSession(db, { userId: anna.id }, null, new Date(Date.now() - 15 * DAY));
  // Signed out: its row is gone.
  const ended = await createSession(db, { userId: bram.id }, null);
  await deleteSession(db, sha256(ended));

  sessionStatements = 0;
  const found = await Promise.all(
    [live.anna, live.bram, expired, live.cees, ended, 'no-such-token', live.anna].map((token) => loadSession(db, token)),
  );
  assert.deepEqual(
    found.map((s) => s?.user?.email ?? null),
    ['anna@avans.nl', 'bram@programma.nl', null, 'cees@han.nl', null, null, 'anna@avans.nl'],
  );
  // Each with the counters as the statement read them, the person's own hogeschool's among them.
  await db.insertInto('settings').values({ key: 'mijn_version:25KB', value: '7' }).execute();
  const [again] = await Promise.all([loadSession(db, live.cees), loadSession(db, live.anna)]);
  assert.equal(again?.counters.get('mijn_scope'), '7');
  assert.equal(sessionStatements, isPostgres(db) ? 2 : 9, 'PostgreSQL asks once per turn of the event loop, SQLite once per session');

  // One after the other (each awaited): each asks on its own, and sees what changed in between.
  sessionStatements = 0;
  assert.equal((await loadSession(db, live.anna))?.user?.name, 'Anna');
  await db.updateTable('users').set({ name: 'Anna B.' }).where('id', '=', anna.id).execute();
  assert.equal((await loadSession(db, live.anna))?.user?.name, 'Anna B.');
  assert.equal(sessionStatements, 2);
});
