/** Kick-offs (startgesprek): the public surface other features and app.ts may use. */
export { book, inviteToKickoff, recordOutcome } from './booking.ts';
export { AUDIT_LABELS } from './messages.ts';
export { kickoffsPersonalData } from './privacy.ts';
export { runKickoffReminders } from './reminders.ts';
export { default as kickoffRoutes } from './routes.tsx';
export { signLink } from './rules.ts';
export { kickoffIdOf, slotIdAt } from './service.ts';
export { publishSlots } from './slots.ts';
export { kickoffSurfaces } from './surfaces.tsx';
