/** The development mailbox (only without SMTP): the public surface for app.ts. */
export { default as devMailboxRoutes } from './routes.tsx';
