import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../platform/audit/repo.ts';
import {
  deleteUnknownDomain,
  findDomainRow,
  findInstitution,
  findInstitutionOfDomain,
  insertMissingDomains,
  listActiveDomains,
  listInstitutions,
  listUnknownDomains,
  markDomainRemoved,
  noteUnknownDomain,
  saveDomain,
} from './repo.ts';

/**
 * Mail domains per hogeschool: an address or a SURFconext home organisation belongs to a hogeschool
 * only when its domain is listed here exactly (`avans.nl`, not `student.avans.nl`). The project
 * ships what it knows (src/reference/mail-domains.csv); admins add and remove at /beheer/maildomeinen.
 */

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `@Avans.NL ` → `avans.nl`; null when it is not a domain name. */
export function normaliseDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : null;
}

/** The part after the @ of an address (already lower case from the sign-in form). */
export const domainOfEmail = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export async function ensureShippedDomains(db: Db, now = new Date()): Promise<void> {
  const text = readFileSync(new URL('../../reference/mail-domains.csv', import.meta.url), 'utf8');
  const rows = (parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => ({
    domain: r.domain ?? '',
    institution_brin: r.brin ?? '',
  }));
  await insertMissingDomains(db, rows, now.toISOString());
}

export type DomainInstitution = { brin: string; name: string; city: string };

/** The hogeschool that claims this domain, if any. */
export async function institutionOfDomain(db: Db, domain: string): Promise<DomainInstitution | null> {
  return (await findInstitutionOfDomain(db, domain.toLowerCase())) ?? null;
}

/** Remembers a home organisation no hogeschool claims, for the admins' list. */
export async function recordUnknownHomeOrganisation(db: Db, domain: string, now = new Date()): Promise<void> {
  const clean = normaliseDomain(domain);
  if (clean) await noteUnknownDomain(db, clean, now.toISOString());
}

export type DomainsOverview = {
  institutions: { brin: string; name: string; city: string; domains: string[] }[];
  unknown: { domain: string; firstSeenAt: string; lastSeenAt: string; attempts: number }[];
};

export async function mailDomainsOverview(db: Db): Promise<DomainsOverview> {
  const [institutions, domains, unknown] = await Promise.all([listInstitutions(db), listActiveDomains(db), listUnknownDomains(db)]);
  const byBrin = new Map<string, typeof domains>();
  for (const d of domains) byBrin.set(d.institution_brin, [...(byBrin.get(d.institution_brin) ?? []), d]);
  return {
    institutions: institutions.map((i) => ({
      brin: i.brin,
      name: i.name,
      city: i.city,
      domains: (byBrin.get(i.brin) ?? []).map((d) => d.domain),
    })),
    unknown: unknown.map((u) => ({
      domain: u.domain,
      firstSeenAt: String(u.first_seen_at),
      lastSeenAt: String(u.last_seen_at),
      attempts: Number(u.attempts),
    })),
  };
}

export type DomainOutcome = { ok: true; domain: string } | { ok: false; field: 'domain' | 'institution'; message: string };

/**
 * Gives a domain to a hogeschool. A domain that another hogeschool already has is refused (remove
 * it there first), so one address never fits two hogescholen. Side effects (one transaction): the
 * domain row, the home organisation leaves the unknown list, an audit event.
 */
export async function addMailDomain(
  db: Db,
  input: { domain: string; institutionBrin: string; actorUserId: string },
  now = new Date(),
): Promise<DomainOutcome> {
  const domain = normaliseDomain(input.domain);
  if (!domain) return { ok: false, field: 'domain', message: 'Vul een domeinnaam in, zoals hogeschool.nl (zonder @ of https://)' };
  return db.transaction().execute(async (trx) => {
    if (!(await findInstitution(trx, input.institutionBrin)))
      return { ok: false, field: 'institution', message: 'Kies een hogeschool uit de lijst' } as const;
    const existing = await findDomainRow(trx, domain);
    if (existing && !existing.removed_at) {
      if (existing.institution_brin === input.institutionBrin) return { ok: true, domain } as const;
      const owner = await findInstitution(trx, existing.institution_brin);
      return {
        ok: false,
        field: 'domain',
        message: `${domain} hoort al bij ${owner?.name ?? existing.institution_brin}. Verwijder het daar eerst als het niet klopt.`,
      } as const;
    }
    await saveDomain(trx, { domain, institution_brin: input.institutionBrin, added_by: input.actorUserId, added_at: now.toISOString() });
    await deleteUnknownDomain(trx, domain);
    await recordAudit(
      trx,
      {
        actorUserId: input.actorUserId,
        action: 'mail_domain.added',
        subjectType: 'institution',
        subjectId: input.institutionBrin,
        detail: { domain },
      },
      now,
    );
    return { ok: true, domain } as const;
  });
}

/** Takes a domain from its hogeschool; people already linked keep their hogeschool. Audited. */
export async function removeMailDomain(db: Db, domain: string, actorUserId: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await findDomainRow(trx, domain);
    if (!row || !(await markDomainRemoved(trx, domain, actorUserId, now.toISOString()))) return false;
    await recordAudit(
      trx,
      { actorUserId, action: 'mail_domain.removed', subjectType: 'institution', subjectId: row.institution_brin, detail: { domain } },
      now,
    );
    return true;
  });
}
