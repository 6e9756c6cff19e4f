import { z } from 'zod';
import { DURATIONS, OUTCOMES } from './rules.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (max: number, label: string) =>
  z.preprocess(
    (v) => (v === undefined ? '' : v),
    z
      .string()
      .trim()
      .max(max, `${label} is hooguit ${max.toLocaleString('nl-NL')} tekens lang`)
      .refine((v) => !CONTROL.test(v), `${label} bevat onzichtbare stuurtekens; haal ze weg`),
  );

export const slotSchema = z
  .object({
    soort: z.enum(['los', 'reeks']).default('los'),
    host: z.string().min(1, 'Kies wie het gesprek voert').max(36),
    date: text(10, 'De datum'),
    from: text(10, 'De eerste datum'),
    to: text(10, 'De laatste datum'),
    weekday: text(1, 'De dag'),
    time: text(5, 'De tijd'),
    duration: z.coerce.number({ error: 'Kies een duur' }).refine((n) => (DURATIONS as readonly number[]).includes(n), 'Kies een duur'),
    mode: z.enum(['online', 'location'], { error: 'Kies online of op locatie' }),
    link: text(500, 'De link'),
    address: text(300, 'Het adres'),
  })
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
    if (d.soort === 'los' && !isDate(d.date)) issue('date', 'Vul de datum in als jjjj-mm-dd');
    if (d.soort === 'reeks') {
      if (!isDate(d.from)) issue('from', 'Vul de eerste datum in als jjjj-mm-dd');
      if (!isDate(d.to)) issue('to', 'Vul de laatste datum in als jjjj-mm-dd');
      if (isDate(d.from) && isDate(d.to) && d.to < d.from) issue('to', 'De laatste datum ligt voor de eerste');
      if (!/^[1-7]$/.test(d.weekday)) issue('weekday', 'Kies een dag van de week');
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time)) issue('time', 'Vul de begintijd in als uu:mm, zoals 14:30');
    if (d.mode === 'online' && !/^https:\/\/[^\s]+$/.test(d.link)) issue('link', 'Vul de link naar het online gesprek in (https://…)');
    if (d.mode === 'location' && !d.address) issue('address', 'Vul het adres in');
  });

export const bookSchema = z.object({ slot: z.string({ error: 'Kies een tijdstip' }).min(1, 'Kies een tijdstip').max(36) });

export const rescheduleSchema = z.object({
  slot: z.string({ error: 'Kies een nieuw tijdstip' }).min(1, 'Kies een nieuw tijdstip').max(36),
  reason: text(1_000, 'De reden').pipe(z.string().min(1, 'Vul een reden in')),
});

export const cancelSchema = z.object({ reason: text(1_000, 'De reden').pipe(z.string().min(1, 'Vul een reden in')) });

export const outcomeSchema = z.object({
  notes: text(10_000, 'Het verslag').pipe(z.string().min(1, 'Schrijf een kort verslag')),
  outcome: z.enum(Object.keys(OUTCOMES) as [string, ...string[]], { error: 'Kies de uitkomst' }),
});
