import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { droppedLogLines, logDestination } from '../src/platform/logging.ts';

describe('logs when nobody reads them', () => {
  test('a reader that never reads: at most the bound waits in memory, the rest is dropped and counted', async (t) => {
    // A named pipe that nobody reads, opened by us alone (read-write, non-blocking): it fills
    // (64 KB on Linux) and stays full, as stdout does when its reader stalls.
    const dir = mkdtempSync(join(tmpdir(), 'mkbroute-log-'));
    const fifo = join(dir, 'stdout');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    const bound = 256 * 1024;
    const destination = logDestination(fd, bound);
    destination.writer.on('error', () => {});
    t.after(async () => {
      await new Promise<void>((resolve) => {
        destination.writer.on('close', () => resolve());
        destination.writer.destroy();
      });
      rmSync(dir, { recursive: true, force: true });
    });
    const before = droppedLogLines.count;
    const line = `${JSON.stringify({ level: 30, msg: 'x'.repeat(1000) })}\n`;
    const lines = 2_000; // about 2 MB: eight times the bound
    for (let i = 0; i < lines; i++) destination.write(line);
    // The lines of this turn that are still batched go to the writer (and are dropped there).
    destination.flush();
    const dropped = droppedLogLines.count - before;
    // Kept: what fits in the bound plus what the pipe took before it filled (at most 1 MB).
    const kept = lines - dropped;
    assert.ok(kept * line.length <= bound + 1024 * 1024, `${kept} lines kept`);
    assert.ok(dropped > 0);
    // Every line is accounted for: dropped ones are counted one by one, not per batch.
    assert.ok(dropped > lines / 2, `${dropped} dropped`);
  });
});

describe('log lines batched per turn of the event loop', () => {
  test('every line arrives, in order, also the ones of the turn in which the process exits', () => {
    // A child process writes lines to stdout through logDestination over three turns and exits in
    // the middle of the fourth, while that turn's lines are still batched (and one batch is over 16 KB).
    const script = `
      import { logDestination } from ${JSON.stringify(new URL('../src/platform/logging.ts', import.meta.url).href)};
      const log = logDestination(1);
      let n = 0;
      const turn = (count) => { for (let i = 0; i < count; i++) log.write('{"n":' + n++ + ',"pad":"' + 'x'.repeat(200) + '"}\\n'); };
      turn(3);
      setImmediate(() => { turn(100); setImmediate(() => { turn(1); setTimeout(() => { turn(5); process.exit(0); }, 5); }); });
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const numbers = out
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { n: number }).n);
    assert.deepEqual(
      numbers,
      Array.from({ length: 109 }, (_, i) => i),
    );
  });
});
