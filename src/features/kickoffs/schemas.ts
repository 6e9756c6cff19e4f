import { z } from 'zod';
import { textField } from '../../platform/forms.ts';
import { LIMITS } from '../../platform/limits.ts';
import { DURATIONS, OUTCOMES } from './rules.ts';

const text = textField;

export const slotSchema = z
  .object({
    soort: z.enum(['los', 'reeks']).default('los'),
    host: z.string().min(1, 'Kies wie het gesprek voert').max(LIMITS.id),
    date: text(LIMITS.date, 'De datum'),
    from: text(LIMITS.date, 'De eerste datum'),
    to: text(LIMITS.date, 'De laatste datum'),
    weekday: text(1, 'De dag'),
    time: text(5, 'De tijd'),
    duration: z.coerce.number({ error: 'Kies een duur' }).refine((n) => (DURATIONS as readonly number[]).includes(n), 'Kies een duur'),
    mode: z.enum(['online', 'location'], { error: 'Kies online of op locatie' }),
    link: text(LIMITS.line, 'De link'),
    address: text(LIMITS.address, 'Het adres'),
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

export const bookSchema = z.object({ slot: z.string({ error: 'Kies een tijdstip' }).min(1, 'Kies een tijdstip').max(LIMITS.id) });

export const rescheduleSchema = z.object({
  slot: z.string({ error: 'Kies een nieuw tijdstip' }).min(1, 'Kies een nieuw tijdstip').max(LIMITS.id),
  reason: text(LIMITS.reason, 'De reden', 'Vul een reden in'),
});

export const cancelSchema = z.object({ reason: text(LIMITS.reason, 'De reden', 'Vul een reden in') });

export const outcomeSchema = z.object({
  notes: text(LIMITS.long, 'Het verslag', 'Schrijf een kort verslag'),
  outcome: z.enum(Object.keys(OUTCOMES) as [string, ...string[]], { error: 'Kies de uitkomst' }),
});
