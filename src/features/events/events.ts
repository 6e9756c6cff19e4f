/** The domain events this feature raises (platform/events.ts); src/workflows.ts lists who reacts. */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Someone of a hogeschool came to a bijeenkomst: the hogeschool's routes show it on their timeline. */
    'event.attended': { institutionBrin: string; eventTitle: string; startsAt: string; attendeeName: string };
  }
}

export {};
