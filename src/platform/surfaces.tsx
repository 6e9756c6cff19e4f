import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Db } from '../db/connect.ts';
import { Heading1, Notice } from '../ui/components.tsx';
import type { CurrentUser, PageContext } from '../ui/context.ts';
import { Layout } from '../ui/layout.tsx';
import { sendPage } from '../ui/render.ts';
import { ForbiddenError } from './errors.tsx';
import { SignedInPages } from './page-cache.ts';
import { pageContext } from './page-context.ts';
import type { SettingDefinition } from './settings/registry.ts';
import { MIJN_SCOPE } from './view-cache.ts';

/**
 * `/mijn` and `/beheer` are assembled from what each feature contributes through its index.ts;
 * app.ts hands the contributions to `surfaceRoutes`. A new feature adds its card or menu entry
 * there without editing another feature.
 */
export type SurfaceContext = {
  db: Db;
  user: CurrentUser;
  ctx: PageContext;
  query: Record<string, string>;
  /**
   * A card that shows something the clock alone changes (a bijeenkomst moving to "Geweest") names
   * the moment here (ms since 1970): the page kept for this browser is made again from then on.
   */
  until: (moment: number) => void;
  /**
   * A read several cards make (the hogeschool's registrations, say), made once for this page: the
   * first card to ask starts it and the others get the same promise. Keyed by the reading
   * function itself, which the feature that owns the data exports, so no two cards need agree on a name.
   */
  once: <T>(read: SharedRead<T>) => Promise<T>;
};

/** A read cards may share through `SurfaceContext.once`. */
export type SharedRead<T> = (s: Pick<SurfaceContext, 'db' | 'user'>) => Promise<T>;

/** A surface context for one page, with its own shared reads. */
function surfaceContext(fields: Omit<SurfaceContext, 'once'>): SurfaceContext {
  const reads = new Map<SharedRead<unknown>, Promise<unknown>>();
  return {
    ...fields,
    once: <T,>(read: SharedRead<T>) => {
      let started = reads.get(read) as Promise<T> | undefined;
      if (!started) {
        started = read(fields);
        reads.set(read, started);
      }
      return started;
    },
  };
}

/**
 * A section of /mijn; `null` when it has nothing for this user. Sections show in `order`. The
 * page is kept whole per browser under `mijn_version` and the person's hogeschool's counter (ADR
 * 010): every table a card reads must be watched by one of them (test/mijn-cache.test.ts checks),
 * a registration's rows (which raise only their hogeschool's) may be shown only to that
 * hogeschool's staff, and what the clock changes is named through `until`.
 */
export type MijnCard = { key: string; order: number; render: (s: SurfaceContext) => Promise<VNode | null> };

/** A link in the /beheer menu, with an optional count of what waits there ("3 wachten op een besluit"). */
export type BeheerEntry = {
  key: string;
  order: number;
  href: string;
  label: string;
  description: string;
  count?: (db: Db) => Promise<string | null>;
  /** Shown to administrators only (the page behind it is theirs alone). */
  adminOnly?: boolean;
};

/** A block on /beheer: below the menu (the list of web pages, say), or above it with a negative order (a notice). */
export type BeheerSection = { key: string; order: number; render: (s: SurfaceContext) => Promise<VNode | null> };

/** A block on the public home page; rendered when the page is (re)built for the render cache. */
export type HomeSection = {
  key: string;
  order: number;
  render: (db: Db) => Promise<VNode | null>;
  /** When the block goes out of date by the clock alone (an event starts), if it does: the cached home page is kept no longer. */
  staleAt?: (db: Db, now: Date) => Promise<number | null>;
};

/** An entry of the Atom feed: `id` is the page's full address. */
export type FeedEntry = { id: string; title: string; updated: string; summary: string };

/** What a feature adds to the public feed and the sitemap (built by the catalogue, cached with the public version). */
export type PublicIndex = {
  key: string;
  /** The feature's part of the open-data API's OpenAPI document: its paths (under /api/v1) and schemas. */
  openApi?: { paths: Record<string, unknown>; schemas?: Record<string, unknown> };
  feed?: (db: Db, baseUrl: string) => Promise<FeedEntry[]>;
  sitemap?: (db: Db) => Promise<string[]>;
};

export type FeatureSurfaces = {
  /** The feature's settings, shown and changed at /beheer/instellingen under `title`. */
  settings?: { title: string; items: SettingDefinition[] };
  mijn?: MijnCard[];
  beheer?: BeheerEntry[];
  beheerSections?: BeheerSection[];
  home?: HomeSection[];
  publicIndex?: PublicIndex[];
};

/** The feed and sitemap contributions of every feature. */
export function publicIndexes(features: FeatureSurfaces[]): PublicIndex[] {
  return features.flatMap((f) => f.publicIndex ?? []);
}

/** Every feature's settings, in the order the features are listed. */
export function settingGroups(features: FeatureSurfaces[]): { title: string; items: SettingDefinition[] }[] {
  return features.flatMap((f) => (f.settings ? [f.settings] : []));
}

/** The home page's blocks from every feature, in order. */
export function homeSections(features: FeatureSurfaces[]): HomeSection[] {
  return byOrder(features.flatMap((f) => f.home ?? []));
}

function queryOf(request: FastifyRequest): Record<string, string> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => a.order - b.order);

/**
 * `/mijn`, whole, per browser: under the counters the database raises on every change to what its
 * cards read: `mijn_version` for what anyone's page may show, the person's hogeschool's for its
 * registrations and what belongs to them (migration 2026-12-01T0400).
 */
const mijnPages = new SignedInPages(['mijn_version', MIJN_SCOPE]);

export function surfaceRoutes(app: FastifyInstance, features: FeatureSurfaces[]) {
  const mijn = byOrder(features.flatMap((f) => f.mijn ?? []));
  const beheer = byOrder(features.flatMap((f) => f.beheer ?? []));
  const sections = byOrder(features.flatMap((f) => f.beheerSections ?? []));
  const { db } = app;

  app.get('/mijn', { config: { access: 'signedIn' } }, async (request, reply) => {
    const user = request.user;
    if (!user) throw new ForbiddenError();
    return mijnPages.send(request, reply, async (ctx) => {
      let until = Number.POSITIVE_INFINITY;
      const s = surfaceContext({ db, user, ctx, query: queryOf(request), until: (moment) => (until = Math.min(until, moment)) });
      const parts = await Promise.all(mijn.map((card) => card.render(s)));
      return {
        page: (
          <Layout ctx={s.ctx} title="Mijn omgeving">
            <Heading1>Mijn omgeving</Heading1>
            {s.query.welkom === '1' && <Notice kind="ok">U bent ingelogd.</Notice>}
            {parts}
          </Layout>
        ),
        until,
      };
    });
  });

  app.get('/beheer', { config: { access: 'team' } }, async (request, reply) => {
    if (!request.user) throw new ForbiddenError();
    // Not kept: what the clock changes here is not tracked.
    const s = surfaceContext({ db, user: request.user, ctx: pageContext(request, reply), query: queryOf(request), until: () => {} });
    const user = request.user;
    const entries = beheer.filter((entry) => !entry.adminOnly || user.role === 'admin');
    const counts = await Promise.all(entries.map((entry) => entry.count?.(db) ?? null));
    // Blocks with a negative order (notices) stand above the menu, the others below it.
    const above = await Promise.all(sections.filter((b) => b.order < 0).map((b) => b.render(s)));
    const below = await Promise.all(sections.filter((b) => b.order >= 0).map((b) => b.render(s)));
    return sendPage(
      reply,
      <Layout ctx={s.ctx} title="Beheer">
        <Heading1>Beheer</Heading1>
        {above}
        <ul class="mkb-cards">
          {entries.map((entry, i) => (
            <li class="mkb-card" key={entry.key}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={entry.href}>
                  {entry.label}
                </a>
              </h2>
              <p>{entry.description}</p>
              {counts[i] && <p class="mkb-card__count">{counts[i]}</p>}
            </li>
          ))}
        </ul>
        {below}
      </Layout>,
    );
  });
}
