import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { inGroup, myRegistrations } from '../registrations/index.ts';
import { guide, reviewList } from './guide.ts';
import { listPublished, teamCounts } from './repo.ts';
import { type ItemKind, isoDay, publicPath } from './rules.ts';
import { themes } from './themes.ts';
import { ReviewBlock } from './views/team.tsx';

export const knowledgeSurfaces: FeatureSurfaces = {
  mijn: [
    {
      // Each admitted route of the person's hogeschool gets its own handout to print.
      key: 'handout',
      order: 35,
      render: async ({ user, once }) => {
        if (user.role !== 'applicant') return null;
        const admitted = (await once(myRegistrations)).filter((r) => inGroup('admitted', r.state));
        if (admitted.length === 0) return null;
        return (
          <section aria-labelledby="handreiking-titel">
            <h2 class="utrecht-heading-2" id="handreiking-titel">
              Handreiking voor uw route
            </h2>
            <p class="utrecht-paragraph">
              De hoofdstukken van de handreiking die horen bij wat voor uw route nog openstaat, om af te drukken.
            </p>
            <ul class="mkb-link-list">
              {admitted.map((r) => (
                <li key={r.id}>
                  <a class="utrecht-link" href={`/mijn/handreiking/${r.id}`}>
                    Handreiking voor deze route: {r.title ?? r.reference}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      },
    },
  ],
  beheer: [
    {
      key: 'knowledge',
      order: 45,
      href: '/beheer/kennis',
      label: 'Kennis en handreiking',
      description: 'Artikelen, documenten, de hoofdstukken van de handreiking en de themapagina’s.',
      count: async (db) => {
        const c = await teamCounts(db, isoDay(new Date()));
        const parts = [c.review ? `${c.review} te beoordelen` : '', c.drafts ? `${c.drafts} in concept` : ''].filter(Boolean);
        return parts.length ? parts.join(', ') : null;
      },
    },
  ],
  beheerSections: [
    {
      // A chapter past its review date (or flagged) is shown to its owner first thing on /beheer.
      key: 'knowledge-review',
      order: -5,
      render: async ({ db, user }) => {
        const mine = (await reviewList(db)).filter((i) => i.ownerId === user.id);
        return mine.length ? <ReviewBlock items={mine} /> : null;
      },
    },
  ],
  home: [
    {
      key: 'knowledge',
      order: 35,
      render: async (db) => {
        const chapters = (await guide(db)).reduce((n, p) => n + p.chapters.length, 0);
        return (
          <section aria-labelledby="kennis-titel">
            <h2 class="utrecht-heading-2" id="kennis-titel">
              Kennis en handreiking
            </h2>
            <p class="utrecht-paragraph">
              Wat werkt bij werkend leren in het mkb: {chapters > 0 ? `de handreiking in ${chapters} hoofdstukken, ` : ''}artikelen en
              documenten per thema.
            </p>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/handreiking">
                Naar de handreiking
              </a>{' '}
              ·{' '}
              <a class="utrecht-link" href="/kennis">
                Alle kennis
              </a>
            </p>
          </section>
        );
      },
    },
  ],
  publicIndex: [
    {
      key: 'knowledge',
      feed: async (db, baseUrl) => {
        const items = (await Promise.all((['chapter', 'article', 'document'] as ItemKind[]).map((k) => listPublished(db, k)))).flat();
        const themePages = (await themes(db)).filter((t) => t.updatedAt);
        return [
          ...items.map((i) => ({
            id: `${baseUrl}${publicPath(i.kind as ItemKind, i.slug)}`,
            title: i.title,
            updated: i.updated_at,
            summary: i.summary,
          })),
          ...themePages.map((t) => ({
            id: `${baseUrl}/kennis/${t.slug}`,
            title: `Thema: ${t.name}`,
            updated: t.updatedAt as string,
            summary: t.intro,
          })),
        ];
      },
      sitemap: async (db) => {
        const items = (await Promise.all((['chapter', 'article', 'document'] as ItemKind[]).map((k) => listPublished(db, k)))).flat();
        const list = await themes(db);
        return [
          '/kennis',
          '/handreiking',
          ...list.map((t) => `/kennis/${t.slug}`),
          ...items.map((i) => publicPath(i.kind as ItemKind, i.slug)),
        ];
      },
    },
  ],
};
