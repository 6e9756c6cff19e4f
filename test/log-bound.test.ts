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
    const destination = logDestination(fd, bound) as unknown as NodeJS.WritableStream & { destroy: () => void };
    destination.on('error', () => {});
    t.after(async () => {
      await new Promise<void>((resolve) => {
        destination.on('close', () => resolve());
        destination.destroy();
      });
      rmSync(dir, { recursive: true, force: true });
    });
    const before = droppedLogLines.count;
    const line = `${JSON.stringify({ level: 30, msg: 'x'.repeat(1000) })}\n`;
    const lines = 2_000; // about 2 MB: eight times the bound
    for (let i = 0; i < lines; i++) destination.write(line);
    const dropped = droppedLogLines.count - before;
    // Kept: what fits in the bound plus what the pipe took before it filled (at most 1 MB).
    const kept = lines - dropped;
    assert.ok(kept * line.length <= bound + 1024 * 1024, `${kept} lines kept`);
    assert.ok(dropped > 0);
  });
});
