import type { FieldErrors } from '../../ui/components.tsx';
import { isKvk, KINDS, OFFERS, SIZES, websiteError } from './rules.ts';

/** An organisation as the form gives it, checked. */
export type OrganisationInput = {
  name: string;
  kvk: string | null;
  kind: string;
  sectors: string[];
  province: string | null;
  place: string | null;
  size: string | null;
  website: string | null;
  offers: string[];
  description: string | null;
  contactName: string;
  contactEmail: string;
  consent: boolean;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A form field that may come once or several times (checkboxes). */
export function listOf(body: unknown, name: string): string[] {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
}

const one = (body: unknown, name: string) => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v.trim() : '';
};

/**
 * Reads the organisation form (the public sign-up, the team's and the contact's edit). Every
 * problem gets a Dutch message on its own field; `values` gives back what was typed.
 */
export function readOrganisation(
  body: unknown,
  known: { sectors: string[]; provinces: string[] },
  options: { contactRequired?: boolean } = {},
): { ok: true; data: OrganisationInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = [];
  const name = one(body, 'name').replace(/\s+/g, ' ');
  if (!name) errors.push({ field: 'name', message: 'Vul de naam van de organisatie in' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'De naam is hooguit 200 tekens lang' });
  const kind = one(body, 'kind');
  if (!KINDS.some((k) => k.value === kind)) errors.push({ field: 'kind', message: 'Kies wat voor organisatie het is' });
  const kvkRaw = one(body, 'kvk').replace(/[\s.]/g, '');
  if (kvkRaw && !isKvk(kvkRaw))
    errors.push({
      field: 'kvk',
      message: /\D/.test(kvkRaw) ? 'Een KvK-nummer bestaat alleen uit cijfers, zoals 12345678' : 'Een KvK-nummer heeft precies 8 cijfers',
    });
  else if (!kvkRaw && kind === 'mkb') errors.push({ field: 'kvk', message: 'Vul het KvK-nummer van het bedrijf in (8 cijfers)' });
  const sectors = listOf(body, 'sectors');
  if (sectors.some((s) => !known.sectors.includes(s))) errors.push({ field: 'sectors', message: 'Kies sectoren uit de lijst' });
  else if (kind === 'mkb' && sectors.length === 0) errors.push({ field: 'sectors', message: 'Kies de sector van het bedrijf' });
  const province = one(body, 'province');
  if (!province) errors.push({ field: 'province', message: 'Kies de provincie' });
  else if (!known.provinces.includes(province)) errors.push({ field: 'province', message: 'Kies een provincie uit de lijst' });
  const place = one(body, 'place');
  if (place.length > 100) errors.push({ field: 'place', message: 'De plaats is hooguit 100 tekens lang' });
  const size = one(body, 'size');
  if (size && !SIZES.some((s) => s.value === size)) errors.push({ field: 'size', message: 'Kies de grootte uit de lijst' });
  const website = one(body, 'website');
  const websiteProblem = websiteError(website) ?? (website.length > 300 ? 'Het adres is hooguit 300 tekens lang' : null);
  if (websiteProblem) errors.push({ field: 'website', message: websiteProblem });
  const offers = listOf(body, 'offers');
  if (offers.length === 0) errors.push({ field: 'offers', message: 'Kies wat de organisatie biedt of zoekt' });
  else if (offers.some((o) => !OFFERS.some((x) => x.value === o))) errors.push({ field: 'offers', message: 'Kies uit de lijst' });
  const description = one(body, 'description');
  if (description.length > 1000) errors.push({ field: 'description', message: 'De toelichting is hooguit 1.000 tekens lang' });
  const contactName = one(body, 'contact_name');
  const contactEmail = one(body, 'contact_email').toLowerCase();
  if (options.contactRequired !== false) {
    if (!contactName) errors.push({ field: 'contact_name', message: 'Vul de naam van de contactpersoon in' });
    if (!contactEmail) errors.push({ field: 'contact_email', message: 'Vul het e-mailadres van de contactpersoon in' });
  }
  if (contactName.length > 200) errors.push({ field: 'contact_name', message: 'De naam is hooguit 200 tekens lang' });
  if (contactEmail && (!EMAIL.test(contactEmail) || contactEmail.length > 254))
    errors.push({ field: 'contact_email', message: 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      name,
      kvk: kvkRaw || null,
      kind,
      sectors,
      province,
      place: place || null,
      size: size || null,
      website: website || null,
      offers,
      description: description || null,
      contactName,
      contactEmail,
      consent: one(body, 'consent') === 'ja',
    },
  };
}

/** The form's values to show again (checkbox lists joined the way the view reads them). */
export function formValues(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of [
    'name',
    'kvk',
    'kind',
    'province',
    'place',
    'size',
    'website',
    'description',
    'contact_name',
    'contact_email',
    'consent',
  ])
    out[key] = one(body, key);
  out.sectors = listOf(body, 'sectors');
  out.offers = listOf(body, 'offers');
  return out;
}
