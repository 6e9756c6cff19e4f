import { mentionsOnly } from '../../platform/privacy/scrub.ts';

/** Knowledge: articles, their revisions and review notes may name someone (an author writes about the work). */
export const knowledgePersonalData = mentionsOnly({
  key: 'knowledge',
  title: 'Kennisbank en handreiking',
  what: 'artikelen, eerdere versies en reviewnotities die de persoon noemen',
  tables: [
    { table: 'knowledge_items', key: 'id', columns: ['title', 'summary', 'body_md', 'review_reason'] },
    { table: 'knowledge_revisions', key: ['item_id', 'number'], columns: ['title', 'summary', 'body_md'] },
    { table: 'knowledge_files', key: 'id', columns: ['alt', 'filename'] },
    { table: 'theme_pages', key: 'theme_code', columns: ['intro_md'] },
  ],
});
