import { z } from 'zod';
import { textField } from '../../platform/forms.ts';

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

export const chooseInstitutionSchema = z.object({
  name: textField(NAME_MAX, 'Uw naam'),
  institution: z
    .string({ error: 'Kies uw hogeschool' })
    .trim()
    .regex(/^[0-9A-Z]{4}$/, 'Kies uw hogeschool uit de lijst'),
});
