import { prepareDatabase } from '../boot.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { ensureUser, signInSchema } from '../features/accounts/index.ts';

/** `npm run create-admin -- <email>`: makes the address an administrator (new or existing user). */
async function main(address: string | undefined) {
  const parsed = signInSchema.shape.email.safeParse(address ?? '');
  if (!parsed.success) {
    process.stderr.write('Gebruik: npm run create-admin -- naam@voorbeeld.nl (een geldig e-mailadres)\n');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const { db } = await prepareDatabase({ ...config, demoContent: false });
  try {
    await ensureUser(db, { email: parsed.data, role: 'admin' });
    process.stdout.write(`${parsed.data} is beheerder. Log in via ${config.baseUrl}/inloggen.\n`);
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Mislukt: ${String(error)}`}\n`);
  process.exit(1);
});
