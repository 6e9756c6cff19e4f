/**
 * How an audit event reads, for the team's trail and (where `applicant` is given) for the
 * applicant's timeline. Each feature lists its own in its messages.ts; src/workflows.ts hands them
 * all to `setAuditLabels`, so there is one map for every page that shows a history.
 */
export type AuditLabel = {
  /** The team's trail: the event in a few words. */
  team: string;
  /**
   * Extra words for the team's trail, from the event's detail. People are stored by account id
   * (`userIds`), never by name; `name` gives the name they have now ("Verwijderde persoon" once erased).
   */
  detail?: (d: Record<string, unknown>, name: (userId: string) => string) => string;
  /** The applicant's timeline: present only for events the hogeschool gets to see. */
  applicant?: (d: Record<string, unknown>) => string;
};

let labels = new Map<string, AuditLabel>();

export function setAuditLabels(...maps: Record<string, AuditLabel>[]): void {
  labels = new Map(maps.flatMap((m) => Object.entries(m)));
}

export function auditLabel(action: string): AuditLabel | undefined {
  return labels.get(action);
}

/** Every known action with its label for the team, sorted by label (the audit log's filter). */
export function knownActions(): { value: string; label: string }[] {
  return [...labels].map(([value, l]) => ({ value, label: `${l.team} (${value})` })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}
