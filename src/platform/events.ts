import type { Config } from '../config.ts';
import type { Trx } from '../db/connect.ts';

/**
 * Domain events: what a workflow announces so that other features can react in the same
 * transaction. Each feature declares the events it raises by augmenting this interface in its own
 * `events.ts`; the subscribers are listed in one place, src/workflows.ts.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the features' events.ts
export interface DomainEvents {}

export type EventName = keyof DomainEvents;

/** What a subscriber gets besides the event: the open transaction, and who did it when. */
export type EventContext = {
  trx: Trx;
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>;
  actorUserId: string | null;
  now: Date;
};

export type Subscriber<K extends EventName> = (event: DomainEvents[K], ctx: EventContext) => Promise<void>;

type Registry = { [K in EventName]?: Subscriber<K>[] };

let registry: Registry | null = null;

/** Called once per process by src/workflows.ts; calling it again replaces the list (idempotent). */
export function setSubscribers(subscribers: Registry): void {
  registry = subscribers;
}

/**
 * Runs every subscriber of the event, in the order listed, inside the emitter's transaction: if
 * one fails, the whole change rolls back. Emitting before the workflows are wired is a programming
 * error and fails loudly rather than dropping the reaction.
 */
export async function emit<K extends EventName>(name: K, event: DomainEvents[K], ctx: EventContext): Promise<void> {
  if (!registry) throw new Error(`Event ${String(name)} raised before src/workflows.ts wired the subscribers`);
  for (const subscriber of (registry[name] ?? []) as Subscriber<K>[]) await subscriber(event, ctx);
}
