import type { Db } from '../../db/connect.ts';
import { NotFoundError } from '../../platform/errors.tsx';
import type { CurrentUser } from '../../ui/context.ts';
import { submittedVerdicts } from '../assessments/index.ts';
import { criteria } from '../reference/index.ts';
import { chosenThemes, decisionOf, getRegistration, inGroup } from '../registrations/index.ts';
import { guide } from './guide.ts';
import { handoutChapters, type OpenItems } from './rules.ts';

/** What a route still works on: the open verdicts of its accepted version, its conditions, its themes. */
export async function openItemsOf(db: Db, user: CurrentUser, registrationId: string) {
  const reg = await getRegistration(db, user, registrationId);
  if (!inGroup('admitted', reg.state)) throw new NotFoundError('admitted registration');
  const [verdicts, decision] = await Promise.all([submittedVerdicts(db, reg.id, reg.version), decisionOf(db, reg.id)]);
  const open = new Set<string>();
  for (const v of verdicts)
    for (const [code, j] of Object.entries(v)) if (j.verdict === 'partly' || j.verdict === 'unclear') open.add(code);
  const items: OpenItems = {
    criteria: [...open].sort(),
    conditions: (decision?.conditions ?? '')
      .split(/\n+/)
      .map((c) => c.trim())
      .filter(Boolean),
    themes: chosenThemes(reg.answers),
  };
  return { reg, items };
}

/** The handout of one admitted route: only the chapters for its open items, each with why. */
export async function routeHandout(db: Db, user: CurrentUser, registrationId: string) {
  const { reg, items } = await openItemsOf(db, user, registrationId);
  const [parts, wording] = await Promise.all([guide(db), criteria(db)]);
  const chapters = parts.flatMap((p) => p.chapters);
  return {
    reference: reg.reference ?? reg.id,
    title: reg.title ?? 'Uw route',
    items,
    selected: handoutChapters(chapters, items, wording),
    criteria: wording,
  };
}
