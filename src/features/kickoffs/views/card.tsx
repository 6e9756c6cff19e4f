export type KickoffCard = { id: string; title: string | null; state: string; when: string | null };

/** The kick-offs of the user's hogeschool on /mijn: to plan, or planned. */
export function KickoffCards({ cards }: { cards: KickoffCard[] }) {
  return (
    <ul class="mkb-cards" aria-label="Startgesprekken">
      {cards.map((k) => (
        <li class="mkb-card" key={k.id}>
          <h2 class="utrecht-heading-3">
            <a class="utrecht-link" href={`/startgesprek/${k.id}`}>
              {k.when ? `Startgesprek ${k.title ?? 'uw route'}` : `Plan het startgesprek voor ${k.title ?? 'uw route'}`}
            </a>
          </h2>
          <p>{k.when ? `Gepland: ${k.when}` : 'Kies een tijdstip dat u past.'}</p>
        </li>
      ))}
    </ul>
  );
}
