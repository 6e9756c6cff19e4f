import { z } from 'zod';
import { textField } from '../../platform/forms.ts';

const text = textField;

export const profileSchema = z.object({
  description: text(5_000, 'De beschrijving'),
  locations: text(200, 'De plaatsen'),
  contact_name: text(200, 'De naam'),
  contact_email: text(254, 'Het e-mailadres').refine((v) => v === '' || z.email().safeParse(v).success, 'Vul een geldig e-mailadres in'),
});

export const storySchema = z.object({
  route: text(36, 'De route', 'Kies een route'),
  title: text(200, 'De titel', 'Vul een titel in'),
  quote: text(1_000, 'Het citaat'),
  person: text(200, 'De naam', 'Vul de naam van de persoon in'),
  role: text(200, 'De rol', 'Vul de rol in'),
  organisation: text(200, 'De organisatie', 'Vul de organisatie in'),
  consent_date: text(10, 'De datum', 'Vul de datum van de toestemming in').refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
    'Vul de datum in als jjjj-mm-dd',
  ),
  consent_note: text(500, 'De vastlegging', 'Beschrijf hoe de toestemming is vastgelegd'),
  theme: text(32, 'Het thema'),
  body: text(20_000, 'Het verhaal', 'Schrijf het verhaal'),
  image_alt: text(300, 'De beschrijving van de foto'),
});

export const assetSchema = z.object({
  title: text(200, 'De titel', 'Vul een titel in'),
  description: text(1_000, 'De omschrijving', 'Vul een omschrijving in'),
});
