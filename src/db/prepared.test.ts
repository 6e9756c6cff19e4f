import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../test/helpers.ts';
import { prepared } from './prepared.ts';

test('a prepared query runs with each call’s values, keeps its constants, and refuses an argument that shapes the query', async (t) => {
  const { db } = await buildTestApp(t);
  await db.insertInto('settings').values({ key: 'p_a', value: '1' }).execute();
  await db.insertInto('settings').values({ key: 'p_b', value: '2' }).execute();
  await db.insertInto('settings').values({ key: 'q_a', value: '1' }).execute();
  // A constant ('1' for value) beside the argument; two calls with different keys.
  const valueOneWithKey = prepared((d, key: string) =>
    d.selectFrom('settings').select('key').where('value', '=', '1').where('key', '=', key),
  );
  assert.deepEqual(await valueOneWithKey(db, 'p_a'), [{ key: 'p_a' }]);
  assert.deepEqual(await valueOneWithKey(db, 'p_b'), [], 'p_b has value 2: the constant is kept');
  assert.deepEqual(await valueOneWithKey(db, 'q_a'), [{ key: 'q_a' }], 'the second call uses its own value');
  const unused = prepared((d, _key: string) => d.selectFrom('settings').select('key'));
  await assert.rejects(unused(db, 'x'), /every argument must appear in the query exactly once/);
});
