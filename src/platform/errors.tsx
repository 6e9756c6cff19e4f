import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseTrouble } from '../db/errors.ts';
import { Heading1 } from '../ui/components.tsx';
import { Layout } from '../ui/layout.tsx';
import { sendPage } from '../ui/render.ts';
import { pageContext } from './page-context.ts';

/** Services throw these; the one handler below turns them into a status and a Dutch page. */
export class NotFoundError extends Error {
  readonly statusCode = 404;
}
export class ForbiddenError extends Error {
  readonly statusCode = 403;
}
/** A refusal the user should read: its status, and a title and text in their words. */
export class PageError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    readonly text: string,
  ) {
    super(title);
  }
}
/** A request that cannot be done in the current state. */
export class ConflictError extends PageError {
  constructor(title: string, text: string) {
    super(409, title, text);
  }
}

type ErrorPage = { status: number; title: string; text: string };

function pageFor(error: FastifyError): ErrorPage {
  if (error instanceof PageError) return { status: error.statusCode, title: error.title, text: error.text };
  const trouble = databaseTrouble(error);
  if (trouble === 'unreachable') {
    return {
      status: 503,
      title: 'Even niet beschikbaar',
      text: 'Het platform kan zijn gegevens op dit moment niet bereiken. Wat u eerder opsloeg is bewaard; wat u zojuist verstuurde is niet verwerkt. Probeer het over een minuut opnieuw.',
    };
  }
  if (trouble === 'full') {
    return {
      status: 503,
      title: 'Opslag vol',
      text: 'De opslag van het platform is vol, daarom is uw laatste wijziging niet bewaard. Wat eerder was opgeslagen is intact. Probeer het later opnieuw; het programmateam ziet deze melding ook.',
    };
  }
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
    return {
      status: 403,
      title: 'Formulier verlopen',
      text: 'Uw formulier kon niet veilig worden verwerkt, bijvoorbeeld omdat het te lang open heeft gestaan. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
    };
  }
  if (status === 413) {
    return {
      status,
      title: 'Te veel gegevens verstuurd',
      text: 'Wat u verstuurde is groter dan wij in één keer kunnen verwerken. Maak de tekst korter of verstuur minder tegelijk, en probeer het opnieuw.',
    };
  }
  if (status === 415) {
    return { status, title: 'Onbekend formaat', text: 'Deze pagina kan dit soort gegevens niet verwerken.' };
  }
  if (status === 429) {
    return {
      status,
      title: 'Te veel verzoeken',
      text: 'U heeft dit kort achter elkaar te vaak geprobeerd. Wacht een kwartier en probeer het dan opnieuw.',
    };
  }
  if (status === 404) return notFoundPage;
  if (status === 403) {
    return { status, title: 'Geen toegang', text: 'U heeft geen toegang tot deze pagina met het account waarmee u bent ingelogd.' };
  }
  if (status >= 400 && status < 500) {
    return { status, title: 'Verzoek niet begrepen', text: 'Wij konden uw verzoek niet verwerken. Ga terug en probeer het opnieuw.' };
  }
  return {
    status: 500,
    title: 'Er ging iets mis',
    text: 'Er ging aan onze kant iets mis. Uw gegevens zijn niet verloren gegaan. Probeer het over een paar minuten opnieuw; blijft het misgaan, neem dan contact met ons op en noem de foutcode hieronder.',
  };
}

const notFoundPage: ErrorPage = {
  status: 404,
  title: 'Pagina niet gevonden',
  text: 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de homepagina.',
};

function sendErrorPage(request: FastifyRequest, reply: FastifyReply, page: ErrorPage) {
  const ctx = pageContext(request, reply);
  return sendPage(
    reply,
    <Layout ctx={ctx} title={page.title}>
      <Heading1>{page.title}</Heading1>
      <p class="utrecht-paragraph mkb-lead">{page.text}</p>
      {page.status >= 500 && <p class="mkb-meta">Foutcode: {request.id}</p>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          Naar de homepagina
        </a>
      </p>
    </Layout>,
    page.status,
  );
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendErrorPage(request, reply, notFoundPage));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const page = pageFor(error);
    if (page.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: error.code, statusCode: page.status }, 'request refused');
    if (page.status === 429) reply.header('retry-after', '900');
    if (page.status === 503) reply.header('retry-after', '60');
    // Errors from API routes (later: /api/) answer in JSON; everything else gets a page.
    if (request.url.startsWith('/api/')) {
      return reply.status(page.status).send({ error: page.title, message: page.text });
    }
    return sendErrorPage(request, reply, page);
  });
}
