import { z } from 'zod';
import { ALWAYS, textField } from '../../platform/forms.ts';

export const EMAIL_MAX = 254;
export const NAME_MAX = 120;

const email = z
  .string({ error: 'Vul uw e-mailadres in' })
  .trim()
  .min(1, 'Vul uw e-mailadres in')
  .max(EMAIL_MAX, `Een e-mailadres is hooguit ${EMAIL_MAX} tekens lang`)
  .toLowerCase()
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@hogeschool.nl' }));

export const signInSchema = z.object({ email, terug: z.string().optional() });

export const tokenSchema = z.object({ token: z.string().min(1).max(100) });

export const REASON_MAX = 1000;

const institutionChoice = z
  .string()
  .trim()
  .regex(/^([0-9A-Z]{4})?$/, 'Kies een hogeschool uit de lijst')
  .optional()
  .transform((v) => v ?? '');

/**
 * A new account. The hogeschool is not chosen here when the address's domain belongs to one; for
 * any other address a hogeschool is only asked for, with a reason, for the team to approve.
 */
export const signupSchema = z
  .object({
    name: textField(NAME_MAX, 'Uw naam'),
    institution: institutionChoice,
    reason: textField(REASON_MAX, 'De toelichting'),
  })
  .superRefine((v, ctx) => {
    if (v.institution && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Schrijf kort waarom u bij deze hogeschool hoort, bijvoorbeeld uw functie',
      });
  }, ALWAYS);

/** Asking the team, later, to be linked to a hogeschool. */
export const linkRequestSchema = z.object({
  institution: z
    .string({ error: 'Kies een hogeschool' })
    .trim()
    .regex(/^[0-9A-Z]{4}$/, 'Kies een hogeschool uit de lijst'),
  reason: textField(REASON_MAX, 'De toelichting', 'Schrijf kort waarom u bij deze hogeschool hoort, bijvoorbeeld uw functie'),
});

/** The team's decision on a link request; refusing needs a reason the person will read. */
export const linkDecisionSchema = z
  .object({
    besluit: z.enum(['goedkeuren', 'afwijzen'], { error: 'Kies goedkeuren of afwijzen' }),
    note: textField(REASON_MAX, 'De toelichting'),
  })
  .superRefine((v, ctx) => {
    if (v.besluit === 'afwijzen' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Schrijf waarom u afwijst; de aanvrager leest dit' });
  }, ALWAYS);
