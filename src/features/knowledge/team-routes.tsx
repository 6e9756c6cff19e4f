import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors.tsx';
import { parseForm, readForm, requireUser, submittedValues, type UploadedFile } from '../../platform/forms.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { pageContext } from '../../platform/page-context.ts';
import type { FieldErrors } from '../../ui/components.tsx';
import { sendPage } from '../../ui/render.ts';
import { teamMembers } from '../accounts/index.ts';
import { criteria, referenceOptions } from '../reference/index.ts';
import { addImage, addPdf, describeFile } from './files.ts';
import { guideParts, markReviewed, reviewList, updateParts } from './guide.ts';
import { itemsForTeam, listParts } from './repo.ts';
import { IMAGE_MAX_BYTES, type ItemKind, isItemKind, PDF_MAX_BYTES } from './rules.ts';
import { type ItemForm, itemSchema, restoreSchema, themeIntroSchema } from './schemas.ts';
import {
  type ChapterPlace,
  createItem,
  history,
  type ItemText,
  itemForEdit,
  type Overlap,
  publishItem,
  restoreRevision,
  revision,
  saveItem,
  unpublishItem,
} from './service.ts';
import { saveThemeIntro, themes } from './themes.ts';
import { type FormOptions, ItemFormPage } from './views/item-form.tsx';
import { HistoryPage, KnowledgeListPage, PartsPage, RevisionPage, ThemeIntroPage } from './views/team.tsx';

const TEAM = { config: { access: 'team' as const } };
type IdParams = { Params: { id: string } };

const NOTICES: Record<string, string> = {
  opgeslagen: 'Opgeslagen als concept. De site toont nog de gepubliceerde versie (als die er is).',
  gepubliceerd: 'Opgeslagen en gepubliceerd: het staat op de site, in de zoekresultaten, de feed en de sitemap.',
  gedepubliceerd: 'Gedepubliceerd: het staat niet meer op de site. Alle versies zijn bewaard.',
  teruggezet: 'De versie is teruggezet als nieuwe versie.',
  beoordeeld: 'Vastgelegd: het hoofdstuk is vandaag beoordeeld.',
  thema: 'De themapagina is opgeslagen.',
  delen: 'De delen van de handreiking zijn opgeslagen.',
};

const melding = (request: FastifyRequest) => NOTICES[String((request.query as Record<string, unknown>).melding)] ?? null;

/** Form values of an item (checkbox groups as lists), for the edit form. */
function valuesOf(text: ItemText, place: ChapterPlace | null, base: number, fileId: string | null): Record<string, string | string[]> {
  return {
    title: text.title,
    summary: text.summary,
    body: text.body,
    themes: text.themes,
    audiences: text.audiences,
    criteria: text.criteria,
    part: place?.part ?? '',
    position: place ? String(place.position) : '',
    owner: place?.ownerId ?? '',
    review_due: place?.reviewDue ?? '',
    base: String(base),
    file_id: fileId ?? '',
  };
}

/** What the person posted, as the form shows it again (nothing typed is dropped). */
function postedValues(fields: Record<string, string | string[]>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = { ...submittedValues(fields) };
  for (const key of ['themes', 'audiences', 'criteria']) values[key] = [fields[key] ?? []].flat();
  return values;
}

export default async function knowledgeTeamRoutes(app: FastifyInstance) {
  const { db } = app;

  async function formOptions(): Promise<FormOptions> {
    const [ref, crit, parts, team] = await Promise.all([referenceOptions(db), criteria(db), guideParts(db), teamMembers(db)]);
    return {
      themes: ref.themes,
      criteria: crit.map((c) => ({ value: c.code, label: `${c.code} ${c.title}` })),
      parts,
      team: team.map((m) => ({ value: m.id, label: m.name })),
    };
  }

  app.get('/beheer/kennis', TEAM, async (request, reply) => {
    const [items, list, review] = await Promise.all([itemsForTeam(db, null), themes(db), reviewList(db)]);
    return sendPage(
      reply,
      <KnowledgeListPage ctx={pageContext(request, reply)} items={items} themes={list} review={review} notice={melding(request)} />,
    );
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    p: {
      kind: ItemKind;
      id: string | null;
      values: Record<string, string | string[]>;
      errors?: FieldErrors;
      notice?: string | null;
      overlap?: Overlap | null;
      preview?: string | null;
    },
  ) {
    const item = p.id ? await itemForEdit(db, p.id) : null;
    const fileId = typeof p.values.file_id === 'string' && p.values.file_id ? p.values.file_id : (item?.text.fileId ?? null);
    return sendPage(
      reply,
      <ItemFormPage
        ctx={pageContext(request, reply)}
        {...p}
        options={await formOptions()}
        file={await describeFile(db, fileId)}
        state={
          item
            ? {
                published: item.publishedAt !== null,
                latest: item.latestRevision,
                publishedRevision: item.publishedRevision,
                slug: item.slug,
                reviewedOn: item.reviewedOn,
                reviewReason: item.reviewReason,
              }
            : undefined
        }
      />,
      p.errors?.length ? 422 : 200,
    );
  }

  app.get('/beheer/kennis/nieuw', TEAM, async (request, reply) => {
    const kind = (request.query as Record<string, unknown>).soort;
    if (!isItemKind(kind)) throw new NotFoundError('kind');
    return showForm(request, reply, { kind, id: null, values: { base: '0', audiences: ['hogeschool'] } });
  });

  app.get<IdParams>('/beheer/kennis/:id', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    const seen = Number((request.query as Record<string, unknown>).overlap);
    const other = Number.isInteger(seen) && seen > 0 ? await revision(db, item.id, seen).catch(() => null) : null;
    return showForm(request, reply, {
      kind: item.kind,
      id: item.id,
      values: valuesOf(item.text, item.place, item.latestRevision, item.text.fileId),
      notice: melding(request),
      overlap: other ? { number: other.number, by: other.savedBy, at: other.savedAt } : null,
    });
  });

  /** The uploaded file of a post: a PDF for documents, an image otherwise; stored at once so a form error does not lose it. */
  async function takeFile(kind: ItemKind, file: UploadedFile | null, fields: Record<string, string | string[]>, userId: string) {
    const errors: FieldErrors = [];
    let fileId = typeof fields.file_id === 'string' && /^[0-9a-f-]{36}$/.test(fields.file_id) ? fields.file_id : null;
    let image: string | null = null;
    if (!file) return { errors, fileId, image };
    if (kind === 'document') {
      const id =
        file.truncated || file.content.length > PDF_MAX_BYTES ? null : await addPdf(db, { id: userId }, file.content, file.filename);
      if (id) fileId = id;
      else errors.push({ field: 'file', message: 'Dit bestand is geen pdf van hoogstens 10 MB. Kies een pdf.' });
      return { errors, fileId, image };
    }
    const alt = String(fields.image_alt ?? '').trim();
    if (!alt) {
      errors.push({ field: 'image_alt', message: 'Beschrijf wat er op de afbeelding te zien is, en kies de afbeelding opnieuw' });
      return { errors, fileId, image };
    }
    const stored =
      file.truncated || file.content.length > IMAGE_MAX_BYTES ? null : await addImage(db, { id: userId }, file.content, file.filename, alt);
    if (stored) image = `![${alt.replace(/[[\]]/g, '')}](${stored.url})`;
    else errors.push({ field: 'image', message: 'Dit bestand is geen bruikbare afbeelding (jpg, png, webp) van hoogstens 5 MB' });
    return { errors, fileId, image };
  }

  async function handlePost(request: FastifyRequest, reply: FastifyReply, kind: ItemKind, id: string | null) {
    const user = requireUser(request);
    const posted = await readForm(request);
    const fields = posted.fields;
    const values = postedValues(fields);
    const upload = await takeFile(kind, posted.file, fields, user.id);
    values.file_id = upload.fileId ?? '';
    if (upload.image) {
      values.body = `${String(values.body ?? '').trimEnd()}\n\n${upload.image}\n`;
      values.image_alt = '';
    }
    const options = await formOptions();
    const schema = itemSchema({
      kind,
      themes: options.themes.map((o) => o.value),
      criteria: options.criteria.map((o) => o.value),
      parts: options.parts.map((o) => o.value),
      team: options.team.map((o) => o.value),
    });
    const actie = String(fields.actie ?? '');
    if (actie === 'afbeelding' && !posted.file && !upload.errors.length) {
      upload.errors.push({ field: 'image', message: 'Kies eerst de afbeelding die u in de tekst wilt zetten' });
    }
    if (actie === 'afbeelding' || upload.errors.length) {
      const notice = upload.image ? 'De afbeelding staat onderaan de tekst. Zet de regel op de plek waar hij hoort en sla op.' : null;
      return showForm(request, reply, { kind, id, values, errors: upload.errors.length ? upload.errors : undefined, notice });
    }
    const form = parseForm(schema, { ...values });
    const errors: FieldErrors = form.ok ? [] : [...form.errors];
    if (kind === 'document' && !upload.fileId) errors.push({ field: 'file', message: 'Kies de pdf van dit document' });
    if (!form.ok || errors.length) return showForm(request, reply, { kind, id, values, errors });
    const data: ItemForm = form.data;
    if (data.actie === 'voorbeeld') return showForm(request, reply, { kind, id, values, preview: renderMarkdown(data.body) });
    const text: ItemText = {
      title: data.title,
      summary: data.summary,
      body: data.body,
      themes: data.themes,
      audiences: data.audiences,
      criteria: data.criteria,
      fileId: upload.fileId,
    };
    const place: ChapterPlace | undefined =
      kind === 'chapter'
        ? { part: data.part, position: Number(data.position), ownerId: data.owner || null, reviewDue: data.review_due || null }
        : undefined;
    const publish = data.actie === 'publiceren';
    if (!id) {
      const created = await createItem(db, user, kind, text, place);
      if (publish) await publishItem(db, user, created);
      return reply.redirect(`/beheer/kennis/${created}?melding=${publish ? 'gepubliceerd' : 'opgeslagen'}`, 303);
    }
    const saved = await saveItem(db, user, id, text, { baseRevision: data.base, publish, place });
    const overlap = saved.overlap ? `&overlap=${saved.overlap.number}` : '';
    return reply.redirect(`/beheer/kennis/${id}?melding=${publish ? 'gepubliceerd' : 'opgeslagen'}${overlap}`, 303);
  }

  app.post('/beheer/kennis/nieuw', TEAM, async (request, reply) => {
    const kind = (request.query as Record<string, unknown>).soort;
    if (!isItemKind(kind)) throw new NotFoundError('kind');
    return handlePost(request, reply, kind, null);
  });

  app.post<IdParams>('/beheer/kennis/:id', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    return handlePost(request, reply, item.kind, item.id);
  });

  app.post<IdParams>('/beheer/kennis/:id/depubliceren', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    await unpublishItem(db, requireUser(request), item.id);
    return reply.redirect(`/beheer/kennis/${item.id}?melding=gedepubliceerd`, 303);
  });

  app.post<IdParams>('/beheer/kennis/:id/beoordeeld', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    await markReviewed(db, requireUser(request), item.id, null);
    return reply.redirect(`/beheer/kennis/${item.id}?melding=beoordeeld`, 303);
  });

  app.get<IdParams>('/beheer/kennis/:id/versies', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    return sendPage(
      reply,
      <HistoryPage
        ctx={pageContext(request, reply)}
        id={item.id}
        title={item.text.title}
        revisions={await history(db, item.id)}
        publishedRevision={item.publishedRevision}
      />,
    );
  });

  app.get<{ Params: { id: string; n: string } }>('/beheer/kennis/:id/versies/:n', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    const r = await revision(db, item.id, Number(request.params.n));
    return sendPage(reply, <RevisionPage ctx={pageContext(request, reply)} id={item.id} latest={item.latestRevision} revision={r} />);
  });

  app.post<{ Params: { id: string; n: string } }>('/beheer/kennis/:id/versies/:n/terugzetten', TEAM, async (request, reply) => {
    const item = await itemForEdit(db, request.params.id);
    const form = parseForm(restoreSchema, request.body);
    const seen = form.ok ? form.data.seen : item.latestRevision;
    const number = Number(request.params.n);
    await revision(db, item.id, number);
    const done = await restoreRevision(db, requireUser(request), item.id, number, seen);
    const overlap = done.overlap ? `&overlap=${done.overlap.number}` : '';
    return reply.redirect(`/beheer/kennis/${item.id}?melding=teruggezet${overlap}`, 303);
  });

  app.get('/beheer/kennis/delen', TEAM, async (request, reply) =>
    sendPage(reply, <PartsPage ctx={pageContext(request, reply)} parts={await listParts(db)} />),
  );

  app.post('/beheer/kennis/delen', TEAM, async (request, reply) => {
    const parts = await listParts(db);
    const values = submittedValues(request.body);
    const errors: FieldErrors = [];
    const next = parts.map((p) => {
      const title = (values[`title_${p.code}`] ?? '').trim();
      const position = (values[`position_${p.code}`] ?? '').trim();
      if (!title) errors.push({ field: `title_${p.code}`, message: `Vul de naam van het deel in (nu: ${p.title})` });
      else if (title.length > 200) errors.push({ field: `title_${p.code}`, message: 'Een naam is hooguit 200 tekens lang' });
      if (!/^\d{1,3}$/.test(position))
        errors.push({ field: `position_${p.code}`, message: `Vul bij ${p.title} als plaats een heel getal in, zoals 2` });
      return { code: p.code, title, position: Number(position) };
    });
    const added = (values.new ?? '').trim();
    if (added.length > 200) errors.push({ field: 'new', message: 'Een naam is hooguit 200 tekens lang' });
    if (errors.length)
      return sendPage(reply, <PartsPage ctx={pageContext(request, reply)} parts={parts} values={values} errors={errors} />, 422);
    await updateParts(db, requireUser(request), next, added || null);
    return reply.redirect('/beheer/kennis?melding=delen', 303);
  });

  async function themeOf(code: string) {
    const theme = (await themes(db)).find((t) => t.code === code);
    if (!theme) throw new NotFoundError('theme');
    return theme;
  }

  app.get<{ Params: { code: string } }>('/beheer/kennis/themas/:code', TEAM, async (request, reply) => {
    const theme = await themeOf(request.params.code);
    return sendPage(reply, <ThemeIntroPage ctx={pageContext(request, reply)} theme={theme} value={theme.intro} />);
  });

  app.post<{ Params: { code: string } }>('/beheer/kennis/themas/:code', TEAM, async (request, reply) => {
    const theme = await themeOf(request.params.code);
    const form = parseForm(themeIntroSchema, request.body);
    if (!form.ok) {
      const value = submittedValues(request.body).intro ?? '';
      return sendPage(reply, <ThemeIntroPage ctx={pageContext(request, reply)} theme={theme} value={value} errors={form.errors} />, 422);
    }
    await saveThemeIntro(db, requireUser(request), theme.code, form.data.intro);
    return reply.redirect('/beheer/kennis?melding=thema', 303);
  });
}
