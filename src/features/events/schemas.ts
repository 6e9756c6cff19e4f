import { z } from 'zod';
import { amsterdamToUtc } from '../../platform/calendar.ts';
import { ALWAYS, dateField, listField, textField, timeField } from '../../platform/forms.ts';
import { LIMITS } from '../../platform/limits.ts';
import { AUDIENCES, QUESTION_ROWS, type Question, REMINDER_HOURS_DEFAULT } from './rules.ts';

const text = textField;

const email = z
  .string({ error: 'Vul uw e-mailadres in' })
  .trim()
  .min(1, 'Vul uw e-mailadres in')
  .max(LIMITS.email, `Een e-mailadres is hooguit ${LIMITS.email} tekens lang`)
  .toLowerCase()
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl' }));

/** A whole number typed in a box; empty stays null. */
const count = (label: string) =>
  text(10, label).transform((v, ctx) => {
    if (v === '') return null;
    if (!/^-?\d+$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: `Vul bij ${label} een heel getal in, zoals 40` });
      return z.NEVER;
    }
    return Number(v);
  });

const questionRow = (n: number) => ({
  [`q${n}_label`]: text(LIMITS.short, `Vraag ${n}`),
  [`q${n}_kind`]: z.enum(['text', 'choice']).catch('text'),
  [`q${n}_options`]: text(LIMITS.reason, `De keuzes bij vraag ${n}`),
  [`q${n}_required`]: z.string().optional(),
});

const rows = Object.assign({}, ...Array.from({ length: QUESTION_ROWS }, (_, i) => questionRow(i + 1))) as Record<
  string,
  z.ZodType<string | undefined>
>;

const optionsOf = (v: unknown): string[] =>
  String(v ?? '')
    .split(/\n|;/)
    .map((o) => o.trim())
    .filter(Boolean);

/** Start, end and the registration deadline as instants (null where a part is missing or the time does not exist). */
function instants(d: Record<string, unknown>) {
  const at = (date: unknown, time: unknown) =>
    typeof date === 'string' && date && typeof time === 'string' && time ? amsterdamToUtc(date, time) : null;
  const startsAt = at(d.date, d.start);
  const own = Boolean(d.deadline_date || d.deadline_time);
  return { startsAt, endsAt: at(d.date, d.end), deadline: own ? at(d.deadline_date, d.deadline_time) : startsAt };
}

/** The team's event form. The instants are worked out (Amsterdam time) in the same pass, so every message shows at once. */
export const eventSchema = z
  .object({
    title: text(LIMITS.short, 'De titel', 'Vul de titel in'),
    description: text(LIMITS.article, 'De beschrijving', 'Schrijf wat de bijeenkomst inhoudt'),
    themes: listField,
    audiences: listField,
    mode: z.enum(['online', 'location'], { error: 'Kies online of op locatie' }),
    link: text(LIMITS.line, 'De link'),
    address: text(LIMITS.address, 'Het adres'),
    date: dateField('de datum', 'Vul de datum in'),
    start: timeField('de begintijd', 'Vul de begintijd in'),
    end: timeField('de eindtijd', 'Vul de eindtijd in'),
    deadline_date: dateField('de datum waarop aanmelden sluit'),
    deadline_time: timeField('de tijd waarop aanmelden sluit'),
    capacity: count('het aantal plaatsen'),
    waitlist: z.string().optional(),
    reminder_hours: count('de herinnering'),
    reminder_text: text(LIMITS.reason, 'De tekst van de herinnering'),
    organiser: z.string().max(LIMITS.id).default(''),
    ...rows,
  })
  // Checked also when a field could not be read, so every message shows at once.
  .superRefine((raw, ctx) => {
    const d = raw as Record<string, unknown> & typeof raw;
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const t = instants(d);
    if (d.date && d.start && !t.startsAt)
      issue('start', `Op deze dag bestaat ${d.start} niet: de klok gaat dan een uur vooruit. Kies een andere begintijd.`);
    if (d.date && d.end && !t.endsAt)
      issue('end', `Op deze dag bestaat ${d.end} niet: de klok gaat dan een uur vooruit. Kies een andere eindtijd.`);
    if (t.startsAt && t.endsAt && t.endsAt <= t.startsAt) issue('end', 'De eindtijd ligt voor of op de begintijd');
    if (d.deadline_date || d.deadline_time) {
      if (!d.deadline_date) issue('deadline_date', 'Vul ook de datum in waarop aanmelden sluit');
      if (!d.deadline_time) issue('deadline_time', 'Vul ook de tijd in waarop aanmelden sluit');
      if (d.deadline_date && d.deadline_time && !t.deadline)
        issue('deadline_time', `Op die dag bestaat ${d.deadline_time} niet: de klok gaat dan vooruit`);
      if (t.deadline && t.startsAt && t.deadline > t.startsAt)
        issue('deadline_date', 'Aanmelden moet sluiten voor of bij de start, niet erna');
    }
    if (typeof d.capacity === 'number' && d.capacity < 1)
      issue('capacity', 'Het aantal plaatsen is minstens 1; laat het leeg voor geen maximum');
    if (typeof d.capacity === 'number' && d.capacity > 100_000) issue('capacity', 'Het aantal plaatsen is hooguit 100.000');
    if (typeof d.reminder_hours === 'number' && (d.reminder_hours < 0 || d.reminder_hours > 24 * 14))
      issue('reminder_hours', 'De herinnering gaat 0 tot 336 uur (14 dagen) voor de start; 0 is geen herinnering');
    if (d.mode === 'online' && !/^https:\/\/\S+$/.test(String(d.link ?? '')))
      issue('link', 'Vul de link naar de online bijeenkomst in (https://…)');
    if (d.mode === 'location' && !d.address) issue('address', 'Vul het adres in');
    const audiences = Array.isArray(d.audiences) ? d.audiences : [];
    if (audiences.some((a) => !(a in AUDIENCES))) issue('audiences', 'Kies de doelgroepen uit de lijst');
    else if (audiences.length === 0) issue('audiences', 'Kies voor wie de bijeenkomst is');
    for (let n = 1; n <= QUESTION_ROWS; n++) {
      const label = String(d[`q${n}_label`] ?? '');
      const options = optionsOf(d[`q${n}_options`]);
      if (!label && options.length) issue(`q${n}_label`, `Vul vraag ${n} in, of maak de keuzes leeg`);
      if (label && d[`q${n}_kind`] === 'choice' && options.length < 2)
        issue(`q${n}_options`, `Geef bij vraag ${n} minstens twee keuzes, één per regel`);
    }
  }, ALWAYS);

/** The form's fields as the services take them (after `parseForm(eventSchema, …)` succeeded). */
export function eventInput(d: z.output<typeof eventSchema>) {
  {
    const q = d as Record<string, unknown>;
    const t = instants(q);
    const questions: Question[] = [];
    for (let n = 1; n <= QUESTION_ROWS; n++) {
      const label = String(q[`q${n}_label`] ?? '');
      if (!label) continue;
      const kind = q[`q${n}_kind`] === 'choice' ? 'choice' : 'text';
      questions.push({
        id: `q${n}`,
        label,
        kind,
        options: kind === 'choice' ? optionsOf(q[`q${n}_options`]) : [],
        required: q[`q${n}_required`] === 'ja',
      });
    }
    return {
      title: d.title,
      description: d.description,
      themes: d.themes,
      audiences: d.audiences,
      mode: d.mode,
      link: d.mode === 'online' ? d.link : null,
      address: d.mode === 'location' ? d.address : null,
      startsAt: t.startsAt ?? '',
      endsAt: t.endsAt ?? '',
      deadline: t.deadline ?? '',
      capacity: d.capacity,
      waitlist: d.waitlist === 'ja',
      reminderHours: d.reminder_hours ?? REMINDER_HOURS_DEFAULT,
      reminderText: d.reminder_text,
      organiserId: d.organiser || null,
      questions,
    };
  }
}

export type EventInput = ReturnType<typeof eventInput>;

/** A guest's registration: name and address, plus the answers (checked against the event's questions in answersFrom). */
export const guestSchema = z.object({
  name: text(LIMITS.short, 'Uw naam', 'Vul uw naam in'),
  email,
});

export const reasonSchema = z.object({ reason: text(LIMITS.reason, 'De reden', 'Vul een reden in') });

export const codeSchema = z.object({
  code: text(20, 'De code', 'Vul de code in').transform((v) => v.toUpperCase().replace(/[\s-]/g, '')),
});

/** The answers to an event's questions from a submitted form; errors name the question's field (`answer_q1`). */
export function answersFrom(
  questions: Question[],
  body: Record<string, unknown>,
): { ok: true; answers: Record<string, string> } | { ok: false; errors: { field: string; message: string }[] } {
  const answers: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  for (const q of questions) {
    const parsed = text(LIMITS.reason, `Het antwoord op "${q.label}"`).safeParse(body[`answer_${q.id}`]);
    if (!parsed.success) {
      errors.push({ field: `answer_${q.id}`, message: parsed.error.issues[0]?.message ?? 'Dit antwoord klopt niet' });
      continue;
    }
    const value = parsed.data;
    if (q.kind === 'choice' && value && !q.options.includes(value))
      errors.push({ field: `answer_${q.id}`, message: `Kies een antwoord op "${q.label}" uit de lijst` });
    else if (q.required && !value) errors.push({ field: `answer_${q.id}`, message: `Beantwoord de vraag "${q.label}"` });
    else answers[q.id] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers };
}
