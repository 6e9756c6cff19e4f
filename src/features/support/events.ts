declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A support request about an acceptance condition was closed with "voorwaarde vervuld"; src/workflows.ts lists who reacts. */
    'support.condition_met': { registrationId: string; condition: string; source: string };
  }
}

export {};
