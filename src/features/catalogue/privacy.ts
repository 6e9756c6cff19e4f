import { sql } from 'kysely';
import { countMentions, keysMentioning, scrubRows } from '../../platform/privacy/repo.ts';
import { ERASED_PERSON } from '../../platform/privacy/scrub.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { unindexItem } from '../search/index.ts';
import { writeRoute } from './service.ts';
import { syncStoryEntries } from './stories.ts';

/**
 * The public catalogue: a route's contact person (published with consent), success stories about
 * a person (name, role, quote, photo), and text that names someone. A story about the person is
 * taken offline for good; a route loses its contact person and stays published.
 */
export const UNPUBLISHED_ROUTE_MONTHS = {
  key: 'retention.unpublished_route_months',
  label: 'Bewaartermijn contactpersoon van offline routes',
  description: 'Zo lang na het offline halen van een route blijven naam en e-mailadres van de contactpersoon in de catalogus bewaard.',
  unit: 'maanden' as const,
  default: 24,
  min: 1,
  max: 120,
};

const lowerNames = (names: string[]) => (names.length ? names.map((n) => n.trim().toLowerCase()) : ['']);

export const cataloguePersonalData: PersonalDataSource = {
  key: 'catalogue',
  title: 'Catalogus en succesverhalen',
  async identify(db, email) {
    const routes = await db.selectFrom('routes').select(['id', 'contact_name']).where(sql`lower(contact_email)`, '=', email).execute();
    return { names: routes.flatMap((r) => (r.contact_name ? [r.contact_name] : [])), anchors: routes.map((r) => `routes:${r.id}`) };
  },
  async recall(db, anchors) {
    const ids = anchors.map((a) => a.replace(/^routes:/, ''));
    const rows = await db.selectFrom('routes').select(['contact_name', 'contact_email']).where('id', 'in', ids).execute();
    return {
      names: rows.flatMap((r) => (r.contact_name ? [r.contact_name] : [])),
      emails: rows.flatMap((r) => (r.contact_email ? [r.contact_email] : [])),
    };
  },
  async export(db, person) {
    const routes = await db
      .selectFrom('routes')
      .select(['title', 'contact_name', 'contact_email', 'published'])
      .where(sql`lower(contact_email)`, 'in', person.emails.length ? person.emails : [''])
      .execute();
    const stories = await db
      .selectFrom('stories')
      .select(['title', 'person_name', 'person_role', 'organisation', 'quote', 'consent_date', 'removed_at'])
      .where(sql`lower(person_name)`, 'in', lowerNames(person.names))
      .execute();
    return {
      items: [
        ...routes.map((r) => ({
          label: `Contactpersoon in de catalogus: "${r.title}"`,
          fields: [
            ['Naam', r.contact_name ?? ''],
            ['E-mailadres', r.contact_email ?? ''],
            ['Zichtbaar', r.published ? 'ja' : 'nee'],
          ] as [string, string][],
        })),
        ...stories.map((s) => ({
          label: `Succesverhaal "${s.title}"`,
          fields: [
            ['Naam', s.person_name],
            ['Rol', s.person_role],
            ['Organisatie', s.organisation],
            ['Citaat', s.quote ?? ''],
            ['Toestemming gegeven op', s.consent_date],
            ['Zichtbaar', s.removed_at ? 'nee' : 'ja'],
          ] as [string, string][],
        })),
      ],
      data: { route_contact: routes, stories },
    };
  },
  async plan(db, person, s) {
    const routes = await db
      .selectFrom('routes')
      .select('id')
      .where(sql`lower(contact_email)`, 'in', person.emails.length ? person.emails : [''])
      .execute();
    const stories = await db.selectFrom('stories').select('id').where(sql`lower(person_name)`, 'in', lowerNames(person.names)).execute();
    return [
      { action: 'verwijderd', what: 'contactpersoon bij routes in de catalogus (de route blijft zichtbaar)', count: routes.length },
      { action: 'verwijderd', what: 'succesverhalen over de persoon (offline; naam, citaat en foto gewist)', count: stories.length },
      {
        action: 'geanonimiseerd',
        what: 'routebeschrijvingen en verhalen die de persoon noemen',
        count:
          (await countMentions(db, 'routes', ['description', 'partners'], s)) +
          (await countMentions(db, 'stories', ['body_md', 'quote', 'consent_note'], s)),
      },
    ];
  },
  async erase(trx, person, s, { now }) {
    const emails = person.emails.length ? person.emails : [''];
    const touched = await trx
      .selectFrom('routes')
      .select('id')
      .where((eb) => eb.or([eb(sql`lower(contact_email)`, 'in', emails), eb(sql`lower(contact_name)`, 'in', lowerNames(person.names))]))
      .execute();
    await trx
      .updateTable('routes')
      .set({ contact_name: null, contact_email: null })
      .where('id', 'in', touched.length ? touched.map((r) => r.id) : [''])
      .execute();
    // Only the routes that lost their contact or mention the person are written again (with their search entries).
    const ids = [...new Set([...touched.map((r) => r.id), ...(await keysMentioning(trx, 'routes', 'id', ['description', 'partners'], s))])];
    const rows = ids.length ? await trx.selectFrom('routes').selectAll().where('id', 'in', ids).execute() : [];
    for (const row of rows) {
      const { search: _derived, ...plain } = row as typeof row & { search?: unknown };
      await writeRoute(trx, {
        ...plain,
        description: row.description === null ? null : s.text(row.description),
        partners: row.partners === null ? null : s.text(row.partners),
      });
    }
    const stories = await trx
      .selectFrom('stories')
      .select(['id', 'route_id'])
      .where(sql`lower(person_name)`, 'in', lowerNames(person.names))
      .execute();
    for (const story of stories) {
      await trx
        .updateTable('stories')
        .set({ person_name: ERASED_PERSON, quote: null, image: null, image_alt: null, removed_at: now.toISOString() })
        .where('id', '=', story.id)
        .execute();
      await unindexItem(trx, 'story', story.id);
    }
    await scrubRows(trx, 'stories', 'id', ['title', 'body_md', 'quote', 'consent_note', 'person_role'], s);
    for (const routeId of new Set(stories.map((x) => x.route_id))) await syncStoryEntries(trx, routeId);
  },
  retention: [
    {
      key: 'unpublished-route-contacts',
      label: 'Contactpersoon van offline routes',
      action: 'verwijderd',
      because: (n) => `omdat de route ${n} maanden niet meer in de catalogus staat`,
      setting: UNPUBLISHED_ROUTE_MONTHS,
      async candidates(db, before, limit) {
        const rows = await db
          .selectFrom('routes')
          .select(['id', 'updated_at', 'title'])
          .where('published', '=', 0)
          .where((eb) => eb.or([eb('contact_name', 'is not', null), eb('contact_email', 'is not', null)]))
          .where('updated_at', '<', before)
          .orderBy('updated_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, since: r.updated_at, label: r.title }));
      },
      async apply(trx, id) {
        const r = await trx
          .updateTable('routes')
          .set({ contact_name: null, contact_email: null })
          .where('id', '=', id)
          .where('published', '=', 0)
          .executeTakeFirst();
        return Number(r.numUpdatedRows) > 0;
      },
    },
  ],
};
