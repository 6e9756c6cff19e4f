import { Button, CsrfField, Heading1, Notice } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { ATTENDANCE_LABELS, momentText, placeText, SEAT_LABELS, whenText } from '../rules.ts';
import type { Event } from '../service.ts';

export type SeatView = {
  id: string;
  name: string;
  email: string;
  state: string;
  place: number | null;
  offerExpiresAt: string | null;
  openOffer: boolean;
  attendance: string | null;
  code: string;
};

/** Where a person stands, with what they can do now. `key` carries the signed link into the forms. */
export function SeatPage(props: {
  ctx: PageContext;
  e: Event;
  seat: SeatView;
  keyValue: string | null;
  now: Date;
  notice?: string;
  rule: string;
}) {
  const { e, seat, ctx } = props;
  const q = props.keyValue ? `?sleutel=${encodeURIComponent(props.keyValue)}` : '';
  const begun = props.now.toISOString() >= e.startsAt;
  const base = `/bijeenkomsten/aanmelding/${seat.id}`;
  const Action = ({ path, label, secondary }: { path: string; label: string; secondary?: boolean }) => (
    <form method="post" action={`${base}/${path}${q}`} class="mkb-inline-form">
      <CsrfField token={ctx.csrfToken} />
      <Button secondary={secondary}>{label}</Button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={`Uw aanmelding: ${e.title}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/bijeenkomsten/${e.id}`}>
          Naar de bijeenkomst
        </a>
      </p>
      <Heading1>Uw aanmelding</Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      {e.state === 'cancelled' && (
        <Notice kind="warning">Deze bijeenkomst gaat niet door{e.cancelReason ? `: ${e.cancelReason}` : ''}.</Notice>
      )}
      <dl class="mkb-facts">
        <dt>Bijeenkomst</dt>
        <dd>{e.title}</dd>
        <dt>Wanneer</dt>
        <dd>{whenText(e.startsAt, e.endsAt)}</dd>
        <dt>Waar</dt>
        <dd>{seat.state === 'confirmed' ? placeText(e) : e.mode === 'online' ? 'Online' : e.address}</dd>
        <dt>Naam</dt>
        <dd>
          {seat.name} ({seat.email})
        </dd>
        <dt>Status</dt>
        <dd>
          {SEAT_LABELS[seat.state] ?? seat.state}
          {seat.place !== null && `, plaats ${seat.place} op de wachtlijst`}
          {seat.attendance && ` · ${ATTENDANCE_LABELS[seat.attendance]}`}
        </dd>
        {seat.state === 'confirmed' && (
          <>
            <dt>Uw code</dt>
            <dd>
              <strong>{seat.code}</strong> (noem die bij de ingang)
            </dd>
          </>
        )}
      </dl>
      {seat.state === 'waiting' && <p class="utrecht-paragraph">{props.rule}</p>}
      {e.state === 'published' && !begun && (
        <div class="mkb-actions">
          {seat.state === 'offered' && seat.offerExpiresAt && (
            <>
              <p class="utrecht-paragraph">Er is een plek voor u vrij. We houden hem vast tot {momentText(seat.offerExpiresAt)}.</p>
              <Action path="ik-kom" label="Ik kom" />
              <Action path="niet-meer" label="Ik hoef niet meer" secondary />
            </>
          )}
          {seat.state === 'waiting' && seat.openOffer && (
            <>
              <p class="utrecht-paragraph">Er is een plek vrijgekomen: wie op de wachtlijst het eerst bevestigt, krijgt hem.</p>
              <Action path="ik-kom" label="Ik kom" />
            </>
          )}
          {seat.state === 'confirmed' && (
            <>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={`${base}/bijeenkomst.ics${q}`}>
                  Zet de bijeenkomst in uw agenda (.ics)
                </a>
              </p>
              <Action path="afmelden" label="Afmelden" secondary />
            </>
          )}
          {seat.state === 'waiting' && <Action path="afmelden" label="Van de wachtlijst af" secondary />}
        </div>
      )}
    </Layout>
  );
}

/** The page a mail's "Ik kom" or "Ik hoef niet meer" link opens: a button, so a link checker that opens links changes nothing. */
export function OfferAnswerPage(props: {
  ctx: PageContext;
  e: Event;
  seatId: string;
  keyValue: string | null;
  answer: 'ik-kom' | 'niet-meer';
  summary: string;
}) {
  const q = props.keyValue ? `?sleutel=${encodeURIComponent(props.keyValue)}` : '';
  const yes = props.answer === 'ik-kom';
  return (
    <Layout ctx={props.ctx} title={yes ? `Ik kom: ${props.e.title}` : `Ik hoef niet meer: ${props.e.title}`}>
      <Heading1>{yes ? 'Bevestig dat u komt' : 'Plek teruggeven'}</Heading1>
      <p class="utrecht-paragraph">
        {props.e.title}, {whenText(props.e.startsAt, props.e.endsAt)}.
      </p>
      <p class="utrecht-paragraph">{props.summary}</p>
      <form method="post" action={`/bijeenkomsten/aanmelding/${props.seatId}/${props.answer}${q}`}>
        <CsrfField token={props.ctx.csrfToken} />
        <Button secondary={!yes}>{yes ? 'Ik kom' : 'Ik hoef niet meer'}</Button>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/bijeenkomsten/aanmelding/${props.seatId}${q}`}>
          Terug naar uw aanmelding
        </a>
      </p>
    </Layout>
  );
}
