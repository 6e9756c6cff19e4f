import type { Option } from '../../reference/index.ts';
import { AUDIENCES, MODE_LABELS, momentText, placesText, whenText } from '../rules.ts';
import type { EventWithSeats } from '../service.ts';

/** The facts of an event as a description list: when, where, for whom, places. */
export function EventFacts({ e, themes, now }: { e: EventWithSeats; themes: Option[]; now: Date }) {
  const themeNames = e.themes.map((c) => themes.find((t) => t.value === c)?.label ?? c);
  const nowIso = now.toISOString();
  return (
    <dl class="mkb-facts">
      <dt>Wanneer</dt>
      <dd>{whenText(e.startsAt, e.endsAt)}</dd>
      <dt>Waar</dt>
      <dd>{e.mode === 'online' ? 'Online (de link staat in de bevestiging)' : e.address}</dd>
      <dt>Voor</dt>
      <dd>{e.audiences.map((a) => AUDIENCES[a] ?? a).join(', ')}</dd>
      {themeNames.length > 0 && (
        <>
          <dt>Thema's</dt>
          <dd>{themeNames.join(', ')}</dd>
        </>
      )}
      <dt>Plaatsen</dt>
      <dd>
        {e.state === 'cancelled'
          ? 'Gaat niet door'
          : placesText(e.capacity, e.taken) +
            (e.capacity !== null && e.taken >= e.capacity && e.waitlist ? ` (wachtlijst: ${e.waiting})` : '')}
      </dd>
      <dt>Aanmelden</dt>
      <dd>
        {e.state === 'cancelled' ? '–' : nowIso >= e.deadline || nowIso >= e.startsAt ? 'Gesloten' : `Kan tot ${momentText(e.deadline)}`}
      </dd>
    </dl>
  );
}

export function EventCard({ e, level = 2, past = false }: { e: EventWithSeats; level?: 2 | 3; past?: boolean }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li class="mkb-card">
      <Heading class="utrecht-heading-3">
        <a class="utrecht-link" href={`/bijeenkomsten/${e.id}`}>
          {e.title}
        </a>
      </Heading>
      <p class="mkb-meta">
        {whenText(e.startsAt, e.endsAt)} · {MODE_LABELS[e.mode]}
        {e.mode === 'location' && e.address ? `, ${e.address}` : ''}
      </p>
      <p class="mkb-meta">{e.state === 'cancelled' ? 'Gaat niet door' : past ? 'Afgelopen' : placesText(e.capacity, e.taken)}</p>
    </li>
  );
}
