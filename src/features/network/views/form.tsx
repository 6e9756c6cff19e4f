import { ChoiceGroup, type FieldErrors, SelectField, TextArea, TextField } from '../../../ui/components.tsx';
import type { Option } from '../../reference/index.ts';
import { KINDS, OFFERS, SIZES } from '../rules.ts';

export type FormValues = Record<string, string | string[]>;

const str = (v: FormValues, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
const list = (v: FormValues, k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);

/** The values of a stored record, as the form shows them. */
export function valuesOf(o: {
  name: string;
  kvk: string | null;
  kind: string;
  sectors: string;
  province: string | null;
  place: string | null;
  size: string | null;
  website: string | null;
  offers: string;
  description: string | null;
  contact_name: string | null;
  contact_email: string | null;
  consent_at: string | null;
}): FormValues {
  return {
    name: o.name,
    kvk: o.kvk ?? '',
    kind: o.kind,
    sectors: JSON.parse(o.sectors) as string[],
    province: o.province ?? '',
    place: o.place ?? '',
    size: o.size ?? '',
    website: o.website ?? '',
    offers: JSON.parse(o.offers) as string[],
    description: o.description ?? '',
    contact_name: o.contact_name ?? '',
    contact_email: o.contact_email ?? '',
    consent: o.consent_at ? 'ja' : '',
  };
}

/** The fields of an organisation, the same on the public sign-up, the team's page and the contact's own page. */
export function OrganisationFields(props: {
  values: FormValues;
  errors?: FieldErrors;
  options: { sectors: Option[]; provinces: Option[] };
  contactRequired: boolean;
  consentText: string;
}) {
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <TextField
        name="name"
        label="Naam van de organisatie"
        value={str(v, 'name')}
        errors={e}
        required
        maxLength={200}
        autocomplete="organization"
      />
      <ChoiceGroup
        name="kind"
        legend="Soort organisatie"
        options={KINDS.map((k) => ({ value: k.value, label: k.label }))}
        value={str(v, 'kind')}
        errors={e}
      />
      <TextField
        name="kvk"
        label="KvK-nummer"
        when="verplicht voor een mkb-bedrijf"
        hint="Acht cijfers. Een brancheorganisatie zonder inschrijving laat het leeg."
        value={str(v, 'kvk')}
        errors={e}
        inputMode="numeric"
        maxLength={12}
      />
      <ChoiceGroup
        name="sectors"
        legend="Sector(en)"
        hint="De secties van de Standaard Bedrijfsindeling (SBI) waarin de organisatie werkt."
        type="checkbox"
        options={props.options.sectors}
        value={list(v, 'sectors')}
        errors={e}
      />
      <SelectField
        name="province"
        label="Provincie"
        value={str(v, 'province')}
        options={props.options.provinces}
        placeholder="Kies een provincie"
        errors={e}
        required
      />
      <TextField name="place" label="Plaats" value={str(v, 'place')} errors={e} maxLength={100} autocomplete="address-level2" />
      <SelectField
        name="size"
        label="Grootte"
        value={str(v, 'size')}
        options={SIZES.map((s) => ({ value: s.value, label: s.label }))}
        placeholder="Kies de grootte"
        errors={e}
      />
      <TextField
        name="website"
        label="Website"
        hint="Met https://, zoals https://www.bedrijf.nl."
        type="url"
        value={str(v, 'website')}
        errors={e}
        maxLength={300}
      />
      <ChoiceGroup
        name="offers"
        legend="Wat biedt of zoekt de organisatie?"
        type="checkbox"
        options={OFFERS.map((o) => ({ value: o.value, label: o.label }))}
        value={list(v, 'offers')}
        errors={e}
      />
      <TextArea name="description" label="Toelichting" value={str(v, 'description')} errors={e} maxLength={1000} rows={3} />
      <TextField
        name="contact_name"
        label="Naam contactpersoon"
        value={str(v, 'contact_name')}
        errors={e}
        required={props.contactRequired}
        maxLength={200}
        autocomplete="name"
      />
      <TextField
        name="contact_email"
        label="E-mailadres contactpersoon"
        type="email"
        value={str(v, 'contact_email')}
        errors={e}
        required={props.contactRequired}
        maxLength={254}
        autocomplete="email"
      />
      <ChoiceGroup
        name="consent"
        legend="Toestemming"
        type="checkbox"
        options={[{ value: 'ja', label: props.consentText }]}
        value={str(v, 'consent')}
        errors={e}
      />
    </>
  );
}
