/**
 * How long typed text may be, named once: a form's schema refuses past the limit with a message,
 * and the same number goes into the field's `maxLength`, so the page and the server never disagree.
 */
export const LIMITS = {
  /** Names, titles, roles, organisations, place lists. */
  short: 200,
  /** An e-mail address (RFC 5321). */
  email: 254,
  /** A telephone number as typed, spaces included. */
  phone: 40,
  /** A street address. */
  address: 300,
  /** A link or a note on how consent was recorded. */
  line: 500,
  /** A reason, a quote, a short description. */
  reason: 1_000,
  /** An explanation, a comment, a route description. */
  text: 5_000,
  /** A report or a message. */
  long: 10_000,
  /** A story or a page in Markdown. */
  article: 20_000,
  /** An id in a form (UUID). */
  id: 36,
  /** A date as yyyy-mm-dd. */
  date: 10,
} as const;
