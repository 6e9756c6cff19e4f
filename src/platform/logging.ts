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
export const droppedLogLines = { count: 0 };

/**
 * Where log lines go: stdout (`dest` 1), written asynchronously; when the reader falls behind, at
 * most `maxLength` bytes wait in memory and further lines are dropped and counted.
 */
export function logDestination(dest = 1, maxLength = LOG_BUFFER_BYTES): DestinationStream {
  const destination = pino.destination({ dest, sync: false, maxLength });
  destination.on('drop', () => {
    droppedLogLines.count++;
  });
  return destination;
}
