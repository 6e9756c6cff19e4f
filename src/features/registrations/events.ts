import type { Answers } from './rules.ts';

/** The registration as its acceptance announces it: what subscribers need, frozen answers included. */
export type AcceptedRegistration = {
  id: string;
  reference: string | null;
  title: string | null;
  institutionBrin: string;
  createdBy: string | null;
  /** The answers of the version that was accepted. */
  answers: Answers;
};

declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** Raised in the acceptance's transaction; src/workflows.ts lists who reacts. */
    'registration.accepted': { registration: AcceptedRegistration; participation: string };
    /** Raised when a registration comes back after an information request. */
    'registration.resubmitted': { registrationId: string; reference: string; version: number };
  }
}
