import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { droppedLogLines, logDestination } from '../src/app.ts';

describe('logs when nobody reads them', () => {
  test('a reader that never reads: at most the bound waits in memory, the rest is dropped and counted', async (t) => {
    // A child that never reads its stdin: the pipe fills (64 KB on Linux) and stays full.
    const child = spawn('sleep', ['60'], { stdio: ['pipe', 'ignore', 'ignore'] });
    t.after(() => child.kill('SIGKILL'));
    const fd = (child.stdin as unknown as { _handle: { fd: number } })._handle.fd;
    assert.ok(fd > 2, 'a pipe of our own');
    const bound = 256 * 1024;
    const destination = logDestination(fd, bound);
    t.after(() => (destination as unknown as { destroy: () => void }).destroy());
    const before = droppedLogLines.count;
    const line = `${JSON.stringify({ level: 30, msg: 'x'.repeat(1000) })}\n`;
    const lines = 2_000; // about 2 MB: eight times the bound
    for (let i = 0; i < lines; i++) destination.write(line);
    const dropped = droppedLogLines.count - before;
    // Kept: what fits in the bound plus what the pipe took before it filled (at most 1 MB).
    const kept = lines - dropped;
    assert.ok(kept * line.length <= bound + 1024 * 1024, `${kept} lines kept`);
    assert.ok(dropped >= lines - Math.ceil((bound + 1024 * 1024) / line.length), `${dropped} dropped`);
    assert.ok(dropped > 0);
  });
});
