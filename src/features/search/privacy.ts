import { countMentions, keysMentioning } from '../../platform/privacy/repo.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { saveEntry } from './repo.ts';

/** The site-wide search index: entries whose text names the person are indexed again without it. */
export const searchPersonalData: PersonalDataSource = {
  key: 'search',
  title: 'Zoekindex',
  async identify() {
    return {};
  },
  async export() {
    return null;
  },
  async plan(db, _person, s) {
    return [
      {
        action: 'geanonimiseerd',
        what: 'vermeldingen in de zoekindex',
        count: await countMentions(db, 'search_entries', ['title', 'text'], s),
      },
    ];
  },
  async erase(trx, _person, s) {
    const keys = await keysMentioning(trx, 'search_entries', 'key', ['title', 'text'], s);
    const rows = keys.length ? await trx.selectFrom('search_entries').selectAll().where('key', 'in', keys).execute() : [];
    for (const row of rows) {
      const title = s.text(row.title);
      const text = s.text(row.text);
      if (title !== row.title || text !== row.text) await saveEntry(trx, { ...row, title, text });
    }
  },
};
