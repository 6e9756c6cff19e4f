import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** 256 bits of randomness, URL-safe: for sign-in links and session ids. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens and session ids are stored only as this hash, so a database leak signs nobody in. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

let sequence = 0;
/**
 * An id that sorts in creation order (time, then a counter within this process), for records such
 * as audit events that are listed in the order they happened, even within one millisecond.
 */
export const sortableId = (): string => {
  sequence = (sequence + 1) % 36 ** 6;
  return `${Date.now().toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(6, '0')}-${randomBytes(6).toString('hex')}`;
};
