import { z } from 'zod';
import { dateField, textField } from '../../platform/forms.ts';
import { LIMITS } from '../../platform/limits.ts';

const text = textField;

export const profileSchema = z.object({
  description: text(LIMITS.text, 'De beschrijving'),
  locations: text(LIMITS.short, 'De plaatsen'),
  contact_name: text(LIMITS.short, 'De naam'),
  contact_email: text(LIMITS.email, 'Het e-mailadres').refine(
    (v) => v === '' || z.email().safeParse(v).success,
    'Vul een geldig e-mailadres in',
  ),
});

export const storySchema = z.object({
  route: text(LIMITS.id, 'De route', 'Kies een route'),
  title: text(LIMITS.short, 'De titel', 'Vul een titel in'),
  quote: text(LIMITS.reason, 'Het citaat'),
  person: text(LIMITS.short, 'De naam', 'Vul de naam van de persoon in'),
  role: text(LIMITS.short, 'De rol', 'Vul de rol in'),
  organisation: text(LIMITS.short, 'De organisatie', 'Vul de organisatie in'),
  consent_date: dateField('de datum', 'Vul de datum van de toestemming in'),
  consent_note: text(LIMITS.line, 'De vastlegging', 'Beschrijf hoe de toestemming is vastgelegd'),
  theme: text(32, 'Het thema'),
  body: text(LIMITS.article, 'Het verhaal', 'Schrijf het verhaal'),
  image_alt: text(LIMITS.address, 'De beschrijving van de foto'),
});

export const assetSchema = z.object({
  title: text(LIMITS.short, 'De titel', 'Vul een titel in'),
  description: text(LIMITS.reason, 'De omschrijving', 'Vul een omschrijving in'),
});

export const publicationSchema = z
  .object({
    actie: z.enum(['verbergen', 'tonen'], { error: 'Kies verbergen of tonen' }),
    reason: text(LIMITS.reason, 'De reden'),
  })
  .refine((d) => d.actie !== 'verbergen' || d.reason !== '', { path: ['reason'], error: 'Vul een reden in om de route te verbergen' });
