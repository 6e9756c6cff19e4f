import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { mySeats } from './participation.ts';
import { listEvents } from './repo.ts';
import { nextChange, OFFER_SETTING, OPEN_WINDOW_SETTING } from './rules.ts';
import { eventsOverview } from './service.ts';
import { EventsCard } from './views/card.tsx';
import { EventCard } from './views/parts.tsx';

export const eventSurfaces: FeatureSurfaces = {
  settings: { title: 'Bijeenkomsten', items: [OFFER_SETTING, OPEN_WINDOW_SETTING] },
  mijn: [
    {
      key: 'events',
      order: 40,
      render: async ({ db, user, until }) => {
        const seats = await mySeats(db, user);
        if (seats.length === 0) return null;
        const now = new Date().toISOString();
        // A bijeenkomst moves to "Geweest" when it ends.
        for (const s of seats) if (s.ends_at > now) until(Date.parse(s.ends_at));
        return (
          <EventsCard
            seats={seats.map((s) => ({
              id: s.id,
              href: `/bijeenkomsten/aanmelding/${s.id}`,
              title: s.title,
              startsAt: s.starts_at,
              endsAt: s.ends_at,
              state: s.state,
              eventCancelled: s.event_state === 'cancelled',
              place: s.place,
              offerExpiresAt: s.offer_expires_at,
              openOffer: Boolean(s.open_offer_at && s.open_round_at && s.open_offer_at >= s.open_round_at),
              attendance: s.attendance,
              past: s.ends_at <= now,
            }))}
          />
        );
      },
    },
  ],
  beheer: [
    {
      key: 'events',
      order: 35,
      href: '/beheer/bijeenkomsten',
      label: 'Bijeenkomsten',
      description: 'Bijeenkomsten publiceren, aanmeldingen en wachtlijst, aanwezigheid.',
      count: async (db) => {
        const n = (await eventsOverview(db)).upcoming.filter((e) => e.state === 'published').length;
        return n > 0 ? `${n} gepland` : null;
      },
    },
  ],
  // The next three on the home page (issue 10: "upcoming events once they exist").
  home: [
    {
      key: 'events',
      order: 25,
      render: async (db) => {
        const next = (await eventsOverview(db)).upcoming.filter((e) => e.state === 'published').slice(0, 3);
        if (next.length === 0) return null;
        return (
          <section aria-labelledby="bijeenkomsten-titel">
            <h2 class="utrecht-heading-2" id="bijeenkomsten-titel">
              Binnenkort
            </h2>
            <ul class="mkb-cards">
              {next.map((e) => (
                <EventCard key={e.id} e={e} level={3} />
              ))}
            </ul>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href="/bijeenkomsten">
                Alle bijeenkomsten
              </a>
            </p>
          </section>
        );
      },
      staleAt: async (db, now) =>
        nextChange(
          (await listEvents(db, { endsAfter: now.toISOString(), states: ['published'] })).map((e) => ({
            startsAt: e.starts_at,
            endsAt: e.ends_at,
            deadline: e.registration_deadline,
          })),
          now,
        ),
    },
  ],
  publicIndex: [
    {
      key: 'events',
      feed: async (db, baseUrl) =>
        (await listEvents(db, { states: ['published'] })).map((e) => ({
          id: `${baseUrl}/bijeenkomsten/${e.id}`,
          title: `Bijeenkomst: ${e.title}`,
          updated: e.created_at,
          summary: e.description.slice(0, 300),
        })),
      sitemap: async (db) => ['/bijeenkomsten', ...(await listEvents(db, { states: ['published'] })).map((e) => `/bijeenkomsten/${e.id}`)],
    },
  ],
};
