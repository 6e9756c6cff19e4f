import { mentionsOnly } from '../../platform/privacy/scrub.ts';

/** Kick-offs: the team's notes of the meeting may name the people who were there. */
export const kickoffsPersonalData = mentionsOnly({
  key: 'kickoffs',
  title: 'Startgesprekken',
  what: 'verslagen van startgesprekken en plaatsen van gesprekken die de persoon noemen',
  tables: [
    { table: 'kickoffs', key: 'id', columns: ['notes'] },
    { table: 'slots', key: 'id', columns: ['link', 'address'] },
  ],
});
