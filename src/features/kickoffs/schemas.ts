import { z } from 'zod';
import { ALWAYS, dateField, textField, timeField } from '../../platform/forms.ts';
import { LIMITS } from '../../platform/limits.ts';
import { DURATIONS, OUTCOMES } from './rules.ts';

const text = textField;

export const slotSchema = z
  .object({
    soort: z.enum(['los', 'reeks']).default('los'),
    host: z.string().min(1, 'Kies wie het gesprek voert').max(LIMITS.id),
    date: dateField('de datum'),
    from: dateField('de eerste datum'),
    to: dateField('de laatste datum'),
    weekday: text(1, 'De dag'),
    time: timeField('de begintijd', 'Vul de begintijd in'),
    duration: z.coerce.number({ error: 'Kies een duur' }).refine((n) => (DURATIONS as readonly number[]).includes(n), 'Kies een duur'),
    mode: z.enum(['online', 'location'], { error: 'Kies online of op locatie' }),
    link: text(LIMITS.line, 'De link'),
    address: text(LIMITS.address, 'Het adres'),
  })
  // Checked also when a date or time could not be read, so every message shows at once.
  .superRefine((d, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (d.soort === 'los' && !d.date) issue('date', 'Vul de datum in');
    if (d.soort === 'reeks') {
      if (!d.from) issue('from', 'Vul de eerste datum in');
      if (!d.to) issue('to', 'Vul de laatste datum in');
      if (d.from && d.to && d.to < d.from) issue('to', 'De laatste datum ligt voor de eerste');
      if (!/^[1-7]$/.test(d.weekday)) issue('weekday', 'Kies een dag van de week');
    }
    if (d.mode === 'online' && !/^https:\/\/[^\s]+$/.test(d.link)) issue('link', 'Vul de link naar het online gesprek in (https://…)');
    if (d.mode === 'location' && !d.address) issue('address', 'Vul het adres in');
  }, ALWAYS);

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
