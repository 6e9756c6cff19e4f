import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** 256 bits of randomness, URL-safe: for sign-in links and session ids. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens and session ids are stored only as this hash, so a database leak signs nobody in. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
