import { mentionsOnly } from '../../platform/privacy/scrub.ts';

/** The public web pages may name someone (a contact on the contact page). */
export const contentPersonalData = mentionsOnly({
  key: 'content',
  title: 'Webpagina’s',
  what: 'webpagina’s die de persoon noemen',
  tables: [{ table: 'pages', key: 'slug', columns: ['title', 'summary', 'body_md'] }],
});
