import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { mySeats } from './participation.ts';
import { listEvents } from './repo.ts';
import { eventsOverview } from './service.ts';
import { EventsCard } from './views/card.tsx';

export const eventSurfaces: FeatureSurfaces = {
  mijn: [
    {
      key: 'events',
      order: 40,
      render: async ({ db, user }) => {
        const seats = await mySeats(db, user);
        if (seats.length === 0) return null;
        const now = new Date().toISOString();
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
