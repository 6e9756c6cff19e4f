import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PERSONAL_DATA } from '../../personal-data.ts';
import { retentionRules } from '../../platform/privacy/retention.ts';

/** docs/privacy/verwerkingsregister.md names every retention period the platform has, with its current default. */
test('the processing register lists every retention setting with its key and default', () => {
  const register = readFileSync(new URL('../../../docs/privacy/verwerkingsregister.md', import.meta.url), 'utf8');
  const rules = retentionRules(PERSONAL_DATA);
  assert.equal(rules.length, 9);
  for (const rule of rules) {
    const s = rule.setting;
    assert.ok(register.includes(`\`${s.key}\`: ${s.default} ${s.unit}`), `${s.key}: ${s.default} ${s.unit} is missing from the register`);
  }
  // And every key the register names is a setting the platform has (nothing stale).
  const named = [...register.matchAll(/`(retention\.[a-z_]+)`/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(named)].sort(), rules.map((r) => r.setting.key).sort());
  // Each feature's part of the map is named in the register too.
  for (const source of PERSONAL_DATA) {
    const file = source.key === 'platform' ? 'platform/privacy/platform-source.ts' : `${source.key}/privacy.ts`;
    assert.ok(register.includes(`\`${file}\``), `${file} is missing from the register`);
  }
});
