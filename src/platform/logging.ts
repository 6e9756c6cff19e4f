import pino, { type DestinationStream, type Logger } from 'pino';
import type { FastPathOptions } from './public-cache.ts';

/**
 * The fast path's log line: the line `app.log.info({ reqId, req, res, responseTime, cache: 'hit' },
 * 'request')` would write, built by hand and written to the same stream: pino's serialising took
 * ~6 % of the busy time of a cached page under load, the line built here half of that
 * (bench/RESULTS.md, 2026-12-01). test/render-cache.test.ts holds the two lines side by side.
 */
export function cacheHitLog(logger: Logger, stream: DestinationStream): FastPathOptions['log'] {
  if (!logger.isLevelEnabled('info')) return () => {};
  const start = `{"level":${logger.levels.values.info},"time":`;
  const bindings = String((logger as unknown as Record<symbol, unknown>)[pino.symbols.chindingsSym] ?? '');
  return (id, path, status, ms) =>
    stream.write(
      `${start}${Date.now()}${bindings},"reqId":"${id}","req":{"method":"GET","path":${JSON.stringify(path)}},"res":{"statusCode":${status}},"responseTime":${ms},"cache":"hit","msg":"request"}\n`,
    );
}

/** At most this much log output waits in memory for a slow reader; the rest is dropped. */
export const LOG_BUFFER_BYTES = 4 * 1024 * 1024;
/** Log lines dropped since the process started (server.ts says so in the log once a minute). */
export const droppedLogLines = { count: 0 };

/** A batch goes to the writer when it reaches this size, before its turn ends. */
const BATCH_BYTES = 16 * 1024;

/** What `logDestination` returns: pino's stream, plus the writer underneath (for tests). */
export type LogDestination = DestinationStream & {
  flush: (cb?: (err?: Error) => void) => void;
  flushSync: () => void;
  writer: ReturnType<typeof pino.destination>;
};

/** The destinations alive, held weakly: every app built in a test process makes one. */
const live = new Set<WeakRef<LogDestination>>();
const gone = new FinalizationRegistry<WeakRef<LogDestination>>((ref) => live.delete(ref));
let exitHook = false;

/**
 * Where log lines go: stdout (`dest` 1), written asynchronously; when the reader falls behind, at
 * most `maxLength` bytes wait in memory and further lines are dropped and counted.
 *
 * The lines of one event-loop turn go to the writer (sonic-boom, through pino) as one string, when
 * the turn ends or at 16 KB: sonic-boom measures the byte length of its last buffered chunk on
 * every write, which under load cost ~4 % of a cached page's busy time (bench/RESULTS.md,
 * 2026-12-01). Order is kept; what is still batched when the process exits is written out.
 */
export function logDestination(dest = 1, maxLength = LOG_BUFFER_BYTES): LogDestination {
  // At exit the lines of the last turn are handed to the writer and written out synchronously
  // (whether pino's own exit hook, which does the same for the writer's buffer, ran before or not).
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const ref of live) ref.deref()?.flushSync();
    });
  }
  const writer = pino.destination({ dest, sync: false, maxLength });
  writer.on('drop', (data: unknown) => {
    droppedLogLines.count += String(data).split('\n').length - 1 || 1;
  });
  // sonic-boom sets this when it is destroyed (not in its types); it throws on a write after that.
  const destroyed = () => (writer as unknown as { destroyed: boolean }).destroyed;
  let batch = '';
  let scheduled = false;
  const release = () => {
    if (batch === '') return;
    const lines = batch;
    batch = '';
    // A writer that was ended or destroyed takes nothing more (sonic-boom throws); the lines go.
    if (!destroyed()) writer.write(lines);
  };
  const destination: LogDestination = {
    write(line: string) {
      batch += line;
      if (batch.length >= BATCH_BYTES) release();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          release();
        });
      }
    },
    flush(cb) {
      release();
      if (destroyed()) cb?.();
      else writer.flush(cb);
    },
    flushSync() {
      release();
      try {
        writer.flushSync();
      } catch {
        // A reader that stalls (EAGAIN) at exit: what is not written is lost, as with any async log.
      }
    },
    writer,
  };
  const ref = new WeakRef(destination);
  live.add(ref);
  gone.register(destination, ref);
  writer.on('close', () => live.delete(ref));
  return destination;
}
