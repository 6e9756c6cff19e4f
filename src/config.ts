import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment. Everything else receives a `Config`.
 * A wrong value stops the process at boot with one plain line per problem.
 */
export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  /** `https:` base URL → cookies get `Secure` and HSTS is sent. */
  secure: boolean;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  smtpUrl: string | undefined;
  /** Mail is kept in the outbox and shown at /dev/mailbox instead of being sent. */
  devMailbox: boolean;
  sessionSecret: string;
  demoContent: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  mailFrom: string;
  /** Listening beyond loopback without NODE_ENV=production: no mailbox, no demo, and a warning at start. */
  exposedWithoutProduction: boolean;
  /** Where to report a vulnerability (RFC 9116 `Contact`): a mailto: address or an https URL. */
  securityContact: string;
  /** SURFconext (OpenID Connect); null when OIDC_ISSUER and friends are not set: no button then. */
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; timeoutSeconds: number } | null;
  /** The domain of support threads' reply addresses (`reply+<token>@domain`); the mail server hands those mails to the inbound endpoint. */
  replyDomain: string;
  /** The shared secret the mail server sends to `/inkomend/mail`; null: the endpoint does not exist. */
  inboundSecret: string | null;
  /** The erasure ledger's file, kept outside the database and its back-ups (platform/privacy/ledger.ts). */
  erasureLedger: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], {
    error: 'moet on of off zijn (of 1/0, true/false)',
  })
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'moet development, production of test zijn',
    })
    .default('development'),
  PORT: z.coerce
    .number({ error: 'moet een getal zijn' })
    .int('moet een heel getal zijn')
    .min(0, 'moet tussen 0 en 65535 liggen')
    .max(65535, 'moet tussen 0 en 65535 liggen')
    .default(3000),
  HOST: z.string().min(1, 'mag niet leeg zijn').default('127.0.0.1'),
  BASE_URL: z.url({ protocol: /^https?$/, error: 'moet een volledige http(s)-URL zijn, zoals https://mkbroute.nl' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'moet beginnen met sqlite: (met een bestandspad) of postgres://')
    .default('sqlite:./data/mkbroute.sqlite'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'moet de vorm smtp://gebruiker:wachtwoord@host:poort of smtps://… hebben')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  DEMO_CONTENT: flag.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'moet fatal, error, warn, info, debug, trace of silent zijn',
    })
    .default('info'),
  SECURITY_CONTACT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'moet een mailto:-adres of een https-URL zijn')
    .optional(),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'moet de volledige URL van de OpenID-provider zijn, zoals https://connect.test.surfconext.nl' })
    .optional(),
  OIDC_CLIENT_ID: z.string().max(500, 'is te lang').optional(),
  OIDC_CLIENT_SECRET: z.string().max(500, 'is te lang').optional(),
  OIDC_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'moet een getal zijn' })
    .int('moet een heel getal zijn')
    .min(1, 'moet tussen 1 en 60 liggen')
    .max(60, 'moet tussen 1 en 60 liggen')
    .default(10),
  REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'moet een domeinnaam zijn, zoals antwoord.mkbroute.nl')
    .optional(),
  INBOUND_MAIL_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
  ERASURE_LEDGER: z.string().min(1, 'mag niet leeg zijn').optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^\s@<>]+@[^\s@<>]+$/, 'moet een e-mailadres zijn')
    .default('noreply@mkbroute.localhost'),
});

/** Whether a listen address is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Parses an environment into a Config; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as "not set", as they do in most service managers.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);

  // Rules that tie values together; checked on the raw values so every problem shows at once.
  const production = cleaned.NODE_ENV === 'production';
  if (production) {
    if (!String(cleaned.BASE_URL ?? '').startsWith('https://')) problems.push('BASE_URL moet in productie met https:// beginnen');
    if (cleaned.SMTP_URL === undefined) problems.push('SMTP_URL is verplicht in productie');
    if (cleaned.SESSION_SECRET === undefined) problems.push('SESSION_SECRET is verplicht in productie');
    if (['1', 'true', 'on', 'yes'].includes(String(cleaned.DEMO_CONTENT))) problems.push('DEMO_CONTENT kan niet aan staan in productie');
    if (cleaned.SECURITY_CONTACT === undefined)
      problems.push('SECURITY_CONTACT is verplicht in productie (voor /.well-known/security.txt)');
  }
  const oidcSet = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter((k) => cleaned[k] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < 3)
    problems.push('OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_CLIENT_SECRET horen samen: zet ze alle drie, of geen ervan');
  if (production && cleaned.OIDC_ISSUER !== undefined && !String(cleaned.OIDC_ISSUER).startsWith('https://'))
    problems.push('OIDC_ISSUER moet in productie met https:// beginnen');
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const v = parsed.data;
  // Outside production, only a platform that listens on this machine alone gets the development
  // aids: the mailbox shows live sign-in links, and demo accounts have known addresses.
  const loopback = isLoopback(v.HOST);
  const baseUrl = (v.BASE_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
  const database: Config['database'] = v.DATABASE_URL.startsWith('sqlite:')
    ? { kind: 'sqlite', path: v.DATABASE_URL.slice('sqlite:'.length) }
    : { kind: 'postgres', url: v.DATABASE_URL };

  return {
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    baseUrl,
    secure: baseUrl.startsWith('https://'),
    database,
    smtpUrl: v.SMTP_URL,
    devMailbox: !production && loopback && v.SMTP_URL === undefined,
    sessionSecret: v.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    demoContent: !production && loopback && (v.DEMO_CONTENT ?? v.NODE_ENV === 'development'),
    exposedWithoutProduction: !production && !loopback,
    securityContact: v.SECURITY_CONTACT ?? 'mailto:security@mkbroute.localhost',
    logLevel: v.LOG_LEVEL,
    mailFrom: v.MAIL_FROM,
    replyDomain: v.REPLY_DOMAIN ?? new URL(baseUrl).hostname,
    inboundSecret: v.INBOUND_MAIL_SECRET ?? null,
    // Beside the SQLite file by default (the back-up copies the database, not this file).
    erasureLedger:
      v.ERASURE_LEDGER ??
      (database.kind === 'sqlite' && database.path !== ':memory:'
        ? join(dirname(database.path), 'verwijderlog.jsonl')
        : './data/verwijderlog.jsonl'),
    oidc:
      v.OIDC_ISSUER && v.OIDC_CLIENT_ID && v.OIDC_CLIENT_SECRET
        ? {
            issuer: v.OIDC_ISSUER,
            clientId: v.OIDC_CLIENT_ID,
            clientSecret: v.OIDC_CLIENT_SECRET,
            redirectUri: `${baseUrl}/inloggen/surfconext/terug`,
            timeoutSeconds: v.OIDC_TIMEOUT_SECONDS,
          }
        : null,
  };
}
