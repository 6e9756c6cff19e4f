import { ATTENDANCE_LABELS, momentText, SEAT_LABELS, whenText } from '../rules.ts';

export type CardSeat = {
  id: string;
  href: string;
  title: string;
  startsAt: string;
  endsAt: string;
  state: string;
  eventCancelled: boolean;
  place: number | null;
  offerExpiresAt: string | null;
  openOffer: boolean;
  attendance: string | null;
  past: boolean;
};

function status(s: CardSeat): string {
  if (s.eventCancelled) return 'Gaat niet door';
  // Marked on the day: what happened, also while the day is still on.
  if (s.attendance) return ATTENDANCE_LABELS[s.attendance] ?? '';
  if (s.past)
    return s.attendance
      ? (ATTENDANCE_LABELS[s.attendance] ?? '')
      : s.state === 'confirmed'
        ? 'Aangemeld (aanwezigheid niet vastgelegd)'
        : (SEAT_LABELS[s.state] ?? s.state);
  if (s.state === 'offered' && s.offerExpiresAt) return `Plek aangeboden: bevestig voor ${momentText(s.offerExpiresAt)}`;
  if (s.state === 'waiting')
    return `Op de wachtlijst, plaats ${s.place ?? '?'}${s.openOffer ? ' (er is een plek vrij: wie het eerst bevestigt)' : ''}`;
  return SEAT_LABELS[s.state] ?? s.state;
}

/** My bijeenkomsten on /mijn: coming ones first, then the ones that are over. */
export function EventsCard({ seats }: { seats: CardSeat[] }) {
  const coming = seats.filter((s) => !s.past).reverse();
  const past = seats.filter((s) => s.past);
  const Item = ({ s }: { s: CardSeat }) => (
    <li>
      <a class="utrecht-link" href={s.href}>
        {s.title}
      </a>
      <span class="mkb-meta">
        {' '}
        · {whenText(s.startsAt, s.endsAt)} · {status(s)}
      </span>
    </li>
  );
  return (
    <section aria-labelledby="mijn-bijeenkomsten">
      <h2 class="utrecht-heading-2" id="mijn-bijeenkomsten">
        Mijn bijeenkomsten
      </h2>
      {coming.length > 0 && (
        <ul class="utrecht-unordered-list">
          {coming.map((s) => (
            <Item key={s.id} s={s} />
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">Geweest</h3>
          <ul class="utrecht-unordered-list">
            {past.map((s) => (
              <Item key={s.id} s={s} />
            ))}
          </ul>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/bijeenkomsten">
          Alle bijeenkomsten
        </a>
      </p>
    </section>
  );
}
