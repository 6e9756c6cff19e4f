import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { formatDateTime } from '../../platform/time.ts';
import { myRegistrations } from '../registrations/index.ts';
import { supportOverview } from './queries.ts';
import { countUnassigned } from './repo.ts';
import { FIRST_RESPONSE_SETTING, SOLUTION_SETTING, STATES, UNASSIGNED_SETTING } from './rules.ts';

export const supportSurfaces: FeatureSurfaces = {
  settings: { title: 'Ondersteuning', items: [FIRST_RESPONSE_SETTING, SOLUTION_SETTING, UNASSIGNED_SETTING] },
  mijn: [
    {
      // A participating route's staff ask for support, start from a ready draft, and follow their requests.
      key: 'support',
      order: 28,
      render: async ({ db, user, once }) => {
        const overview = await supportOverview(db, user, await once(myRegistrations));
        if (!overview) return null;
        const { requests, drafts, conditions } = overview;
        return (
          <section aria-labelledby="ondersteuning-titel">
            <h2 class="utrecht-heading-2" id="ondersteuning-titel">
              Ondersteuning
            </h2>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/mijn/ondersteuning/nieuw">
                Een vraag stellen aan het programmateam
              </a>
            </p>
            {drafts.length > 0 && (
              <>
                <p class="utrecht-paragraph">Of begin met een vraag die al klaarstaat:</p>
                <ul class="mkb-link-list">
                  {drafts.map((d) => (
                    <li key={d.key}>
                      <a class="utrecht-link" href={`/mijn/ondersteuning/nieuw?concept=${encodeURIComponent(d.key)}`}>
                        {d.subject}
                      </a>{' '}
                      <span class="mkb-meta">
                        — {d.route}, {d.why}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {conditions.length > 0 && (
              <>
                <h3 class="utrecht-heading-3">Voorwaarden van de toelating</h3>
                <ul>
                  {conditions.map((c) => (
                    <li key={`${c.route}-${c.condition}`}>
                      {c.condition} <span class="mkb-meta">({c.route})</span> —{' '}
                      {c.fulfilled ? (
                        <strong>
                          vervuld op {formatDateTime(c.fulfilled.at)} ({c.fulfilled.source})
                        </strong>
                      ) : (
                        'nog open'
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {requests.length > 0 && (
              <>
                <h3 class="utrecht-heading-3">Uw vragen</h3>
                <ul class="mkb-link-list">
                  {requests.map((r) => (
                    <li key={r.id}>
                      <a class="utrecht-link" href={`/ondersteuning/${r.id}`}>
                        {r.reference} {r.subject}
                      </a>{' '}
                      <span class="mkb-meta">
                        — {r.route}, {STATES[r.state].toLowerCase()}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      },
    },
  ],
  beheer: [
    {
      key: 'support',
      order: 7,
      href: '/beheer/ondersteuning',
      label: 'Ondersteuning',
      description: 'Vragen van deelnemende routes: adviseur toewijzen, berichten en interne notities, afsluiten met een uitkomst.',
      count: async (db) => {
        const n = await countUnassigned(db);
        return n === 0 ? null : `${n} zonder adviseur`;
      },
    },
  ],
};
