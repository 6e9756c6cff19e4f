/** The domain events this feature raises (platform/events.ts); src/workflows.ts lists who reacts. */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** The wording of a criterion or a theme changed: texts that refer to it may need a review. */
    'reference.wording_changed': { kind: 'criterion' | 'theme'; code: string; label: string };
  }
}

export {};
