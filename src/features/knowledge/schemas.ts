import { z } from 'zod';
import { dateField, listField, textField } from '../../platform/forms.ts';
import { AUDIENCES } from '../reference/index.ts';
import { BODY_MAX, imageProblems, SUMMARY_MAX, TITLE_MAX } from './rules.ts';

/** The submit buttons of the edit form. */
export const ACTIONS = ['voorbeeld', 'concept', 'publiceren', 'afbeelding'] as const;

/** The item form (article, chapter or document); lists are checked against what the page offered. */
export function itemSchema(options: { themes: string[]; criteria: string[]; parts: string[]; team: string[]; kind: string }) {
  const chapter = options.kind === 'chapter';
  return z
    .object({
      title: textField(TITLE_MAX, 'De titel', 'Vul de titel in'),
      summary: textField(SUMMARY_MAX, 'De samenvatting', 'Schrijf in een of twee zinnen waar het over gaat'),
      body: textField(BODY_MAX, 'De tekst', options.kind === 'document' ? undefined : 'Schrijf de tekst'),
      themes: listField,
      audiences: listField,
      criteria: listField,
      part: textField(40, 'Het deel'),
      position: textField(6, 'De plaats'),
      owner: textField(36, 'De eigenaar'),
      review_due: dateField('de volgende beoordeling'),
      image_alt: textField(300, 'De beschrijving van de afbeelding'),
      base: z.coerce.number().int().min(0).catch(0),
      actie: z.enum(ACTIONS).catch('concept'),
    })
    .superRefine((d, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      for (const p of imageProblems(d.body)) issue('body', p);
      if (d.themes.some((t) => !options.themes.includes(t))) issue('themes', 'Kies de thema’s uit de lijst');
      if (d.audiences.some((a) => !(a in AUDIENCES))) issue('audiences', 'Kies de doelgroepen uit de lijst');
      if (d.audiences.length === 0) issue('audiences', 'Kies voor wie dit is bedoeld');
      if (d.criteria.some((c) => !options.criteria.includes(c))) issue('criteria', 'Kies de criteria uit de lijst');
      if (chapter) {
        if (!options.parts.includes(d.part)) issue('part', 'Kies het deel van de handreiking');
        if (!/^\d{1,3}$/.test(d.position)) issue('position', 'Vul bij de plaats een heel getal in, zoals 3');
        if (d.owner && !options.team.includes(d.owner)) issue('owner', 'Kies de eigenaar uit het team');
      }
    });
}
export type ItemForm = z.output<ReturnType<typeof itemSchema>>;

export const themeIntroSchema = z.object({
  intro: textField(5_000, 'De introductie', 'Schrijf een introductie van het thema'),
});

export const reviewSchema = z.object({
  review_due: dateField('de volgende beoordeling'),
});

export const restoreSchema = z.object({
  seen: z.coerce.number().int().min(0).catch(0),
});
