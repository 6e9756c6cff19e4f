import type { Db } from '../db/connect.ts';
import { createItem, publishItem, saveItem } from '../features/knowledge/index.ts';
import type { CurrentUser } from '../ui/context.ts';

const TITLE = 'Vijf lessen uit de eerste pilots (demo)';
const SUMMARY = 'Wat de eerste zeven routes leerden over werven, begeleiden en samenwerken. Een fictief voorbeeld.';
const LESSONS = `De eerste routes liepen tegen dezelfde vragen aan. Dit artikel is een verzonnen voorbeeld voor de demo-omgeving.

## 1. Begin bij het werk

Routes die starten vanuit het werk in de regio vinden sneller bedrijven en studenten.

## 2. Eén vaste begeleider

Studenten met één vaste praktijkbegeleider maken vaker hun eerste jaar af.

## 3. De overeenkomst samen tekenen

Een overeenkomst die aan tafel wordt besproken, wordt ook nageleefd.`;

/**
 * Demo knowledge, written through the knowledge feature's own services by the demo team member (so
 * `npm run demo -- remove` takes it out again): a published article with two revisions, and a draft
 * the team is still working on. The guide itself is not demo: it is the platform's first edition.
 */
export async function loadDemoKnowledge(db: Db, team: CurrentUser): Promise<void> {
  const article = await createItem(db, team, 'article', {
    title: TITLE,
    summary: SUMMARY,
    body: LESSONS,
    themes: ['vision', 'supervision'],
    audiences: ['hogeschool', 'mkb'],
    criteria: ['C1', 'C2', 'C3'],
    fileId: null,
  });
  await publishItem(db, team, article);
  await saveItem(
    db,
    team,
    article,
    {
      title: TITLE,
      summary: SUMMARY,
      body: `${LESSONS}

## 4. Branches vanaf het begin

Waar een branchevereniging meedacht, kwamen de eerste studenten sneller.`,
      themes: ['vision', 'supervision', 'cooperation'],
      audiences: ['hogeschool', 'mkb', 'branche'],
      criteria: ['C1', 'C2', 'C3', 'C5'],
      fileId: null,
    },
    { baseRevision: 1, publish: true },
  );
  await createItem(db, team, 'article', {
    title: 'Scholingsregelingen per branche (concept, demo)',
    summary: 'Een overzicht in wording; nog niet gepubliceerd.',
    body: 'Dit concept ziet alleen het team.',
    themes: ['funding'],
    audiences: ['mkb'],
    criteria: ['C4'],
    fileId: null,
  });
}
