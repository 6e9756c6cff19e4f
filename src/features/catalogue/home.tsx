import type { Db } from '../../db/connect.ts';
import type { HomeSection } from '../../platform/surfaces.tsx';
import { publicFigures } from './repo.ts';
import { catalogue, mapData } from './service.ts';
import { stories } from './stories.ts';

const number = new Intl.NumberFormat('nl-NL');

async function figures(db: Db) {
  const f = await publicFigures(db);
  const partners = new Set<string>();
  for (const json of f.partners) {
    for (const p of JSON.parse(json) as { name: string }[]) partners.add(p.name.trim().toLowerCase());
  }
  return [
    { n: f.routes, label: f.routes === 1 ? 'Mkb-route' : 'Mkb-routes', href: '/routes' },
    { n: f.institutions, label: f.institutions === 1 ? 'hogeschool' : 'hogescholen', href: '/routes' },
    { n: f.provinces, label: f.provinces === 1 ? 'provincie' : 'provincies', href: '/kaart' },
    {
      n: partners.size,
      label: partners.size === 1 ? 'bedrijf of branche als partner' : 'bedrijven en branches als partner',
      href: '/routes',
    },
  ];
}

/** The programme alive on the home page: key figures, the map in small, the newest routes and a story. */
export const catalogueHome: HomeSection[] = [
  {
    key: 'figures',
    order: 10,
    render: async (db) => (
      <section aria-labelledby="cijfers-titel" class="mkb-figures">
        <h2 class="utrecht-heading-2" id="cijfers-titel">
          Het programma in cijfers
        </h2>
        <ul class="mkb-figures__list">
          {(await figures(db)).map((f) => (
            <li key={f.label}>
              <a class="mkb-figure" href={f.href}>
                <strong class="mkb-figure__number">{number.format(f.n)}</strong> <span class="mkb-figure__label">{f.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    ),
  },
  {
    key: 'map-and-newest',
    order: 20,
    render: async (db) => {
      const map = await mapData(db);
      const newest = (await catalogue(db, { page: 1 })).routes.slice(0, 4);
      return (
        <div class="mkb-home-split">
          <section aria-labelledby="kaart-klein-titel">
            <h2 class="utrecht-heading-2" id="kaart-klein-titel">
              Waar de routes zijn
            </h2>
            <a class="mkb-map-small" href="/kaart">
              <svg
                class="mkb-map mkb-map--small"
                viewBox={`0 0 ${map.width} ${map.height}`}
                role="img"
                aria-label="Kaart van Nederland: bekijk de routes per provincie"
              >
                {map.provinces.map((p) => (
                  <path key={p.name} d={p.d} class={`mkb-map__province mkb-map__province--${p.count > 0 ? 3 : 0}`} fill-rule="evenodd" />
                ))}
              </svg>
              <span>Bekijk de kaart met de routes per provincie</span>
            </a>
            <p class="mkb-meta">Donker: provincies met een of meer routes; licht: nog geen route.</p>
          </section>
          <section aria-labelledby="nieuwste-titel">
            <h2 class="utrecht-heading-2" id="nieuwste-titel">
              Nieuwste routes
            </h2>
            {newest.length === 0 ? (
              <p class="utrecht-paragraph">Nog geen routes gepubliceerd.</p>
            ) : (
              <ul class="mkb-compact-list mkb-newest">
                {newest.map((r) => (
                  <li key={r.id}>
                    <a class="utrecht-link" href={`/routes/${r.slug}`}>
                      {r.title}
                    </a>
                    <span class="mkb-meta">
                      {' '}
                      — {r.institution.name}, {r.province}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/routes">
                Alle routes
              </a>
            </p>
          </section>
        </div>
      );
    },
  },
  {
    key: 'story',
    order: 30,
    render: async (db) => {
      const all = await stories(db);
      const story = all.find((s) => s.hasImage) ?? all[0];
      if (!story) return null;
      return (
        <section aria-labelledby="verhaal-titel" class="mkb-home-story">
          <h2 class="utrecht-heading-2" id="verhaal-titel">
            Uit de praktijk
          </h2>
          <figure class="mkb-home-story__figure">
            {story.hasImage && (
              <img src={`/succesverhalen/${story.id}/afbeelding.jpg`} alt={story.imageAlt ?? ''} width={600} height={400} loading="lazy" />
            )}
            <figcaption>
              <a class="utrecht-link" href={`/succesverhalen/${story.id}`}>
                {story.title}
              </a>
              {story.quote && <blockquote class="mkb-quote">“{story.quote}”</blockquote>}
              <span class="mkb-meta">
                {story.person}, {story.role} bij {story.organisation}
              </span>
            </figcaption>
          </figure>
        </section>
      );
    },
  },
];
