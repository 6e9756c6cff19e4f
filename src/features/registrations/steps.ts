/**
 * The registration form, step by step: what each step asks, in which order, with its limits.
 * schemas.ts turns a step into its Zod schema; the views render it; the summary and the receipt
 * label the answers with it. One description, so the form, its checks and its read-outs agree.
 */
import type { Option } from '../reference/index.ts';

export type ChoiceList = 'institutions' | 'sectors' | 'provinces' | 'themes';

type Base = {
  name: string;
  label: string;
  hint?: string;
  /** The message when it is left empty; absent means the field is optional. */
  required?: string;
  /** Optional, but the summary warns when it is empty. */
  recommended?: string;
};

export type Field =
  | (Base & { kind: 'text'; max: number; autocomplete?: string })
  | (Base & { kind: 'email' | 'tel' | 'postcode' | 'croho' | 'date' })
  | (Base & { kind: 'integer'; min: number; max: number })
  | (Base & { kind: 'textarea'; max: number; rows?: number })
  | (Base & { kind: 'select'; options: ChoiceList })
  | (Base & { kind: 'radio'; options: (Option & { description?: string })[] })
  | (Base & { kind: 'checkboxes'; options: Option[] | ChoiceList })
  | (Base & { kind: 'checkbox'; text: string })
  | (Base & {
      kind: 'rows';
      /** Rows on a form that has none yet. */
      count: number;
      /** One row in words, for "Nog een … toevoegen" and "… verwijderen". */
      item: string;
      columns: { name: string; label: string; kind: 'text' | 'kvk'; max: number; required?: string }[];
    })
  | (Base & { kind: 'file' });

export type Step = {
  slug: string;
  title: string;
  /** Set for the five criterion steps: the criterion this step answers. */
  criterion?: 'C1' | 'C2' | 'C3' | 'C4' | 'C5';
  intro?: string;
  fields: Field[];
};

export const TEXT_MAX = 200;
export const LONG_TEXT_MAX = 5_000;
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

export const LEVELS: Option[] = [
  { value: 'AD', label: 'Associate degree (Ad)' },
  { value: 'BA', label: 'Bachelor' },
];
export const MODES: Option[] = [
  { value: 'duaal', label: 'Duaal' },
  { value: 'deeltijd', label: 'Deeltijd' },
  { value: 'voltijd', label: 'Voltijd' },
];
export const TARGET_GROUPS: Option[] = [
  { value: 'mbo_bbl', label: 'Mbo-studenten uit de bbl (doorstroom)' },
  { value: 'mbo_bol', label: 'Mbo-studenten uit de bol (doorstroom)' },
  { value: 'havo_vwo', label: 'Havisten en vwo’ers' },
  { value: 'career_switcher', label: 'Zij-instromers' },
  { value: 'mbo_worker', label: 'Werkenden met een mbo-opleiding (op-, om- en bijscholing)' },
];
export const PARTICIPATION: Option[] = [
  { value: 'pilot', label: 'Pilotpartner' },
  { value: 'development', label: 'Ontwikkelpartner' },
  { value: 'knowledge', label: 'Kennispartner' },
];
/** What each way of taking part means, said where the applicant chooses. */
export const PARTICIPATION_DESCRIPTIONS: Record<string, string> = {
  pilot: 'De route draait al of start binnenkort. U ontwikkelt haar samen met het programma verder en uw ervaringen helpen anderen op weg.',
  development: 'U zet de route nog op en wilt daarbij ondersteuning, contacten en kennis uit het netwerk.',
  knowledge: 'U deelt kennis en ervaring met het netwerk, bijvoorbeeld over praktijkbegeleiding of het werven van nieuwe doelgroepen.',
};

const YES_PLANNED_NO: Option[] = [
  { value: 'yes', label: 'Ja, er wordt een overeenkomst getekend' },
  { value: 'planned', label: 'Gepland, nog niet geregeld' },
  { value: 'no', label: 'Nee' },
];

export const STEPS: Step[] = [
  {
    slug: 'organisatie',
    title: 'Organisatie en contactpersonen',
    intro: 'Wie van de hogeschool is het aanspreekpunt voor deze route?',
    fields: [
      {
        kind: 'text',
        name: 'faculty',
        label: 'Academie, faculteit of instituut',
        max: TEXT_MAX,
        recommended: 'Vul de academie of faculteit in',
      },
      {
        kind: 'text',
        name: 'contact_name',
        label: 'Naam contactpersoon',
        max: TEXT_MAX,
        required: 'Vul de naam van de contactpersoon in',
        autocomplete: 'name',
      },
      {
        kind: 'text',
        name: 'contact_role',
        label: 'Functie contactpersoon',
        max: TEXT_MAX,
        required: 'Vul de functie van de contactpersoon in',
      },
      {
        kind: 'email',
        name: 'contact_email',
        label: 'E-mailadres contactpersoon',
        required: 'Vul het e-mailadres van de contactpersoon in',
      },
      {
        kind: 'tel',
        name: 'contact_phone',
        label: 'Telefoonnummer contactpersoon',
        hint: 'Bijvoorbeeld 030 123 45 67 of 06 12345678.',
        required: 'Vul het telefoonnummer van de contactpersoon in',
      },
      {
        kind: 'text',
        name: 'contact2_name',
        label: 'Naam tweede contactpersoon',
        max: TEXT_MAX,
        recommended: 'Geef een tweede contactpersoon op, voor als de eerste afwezig is',
      },
      { kind: 'email', name: 'contact2_email', label: 'E-mailadres tweede contactpersoon' },
      { kind: 'text', name: 'postal_street', label: 'Postadres: straat en huisnummer', max: TEXT_MAX },
      { kind: 'postcode', name: 'postal_postcode', label: 'Postcode', hint: 'Bijvoorbeeld 3511 AB.' },
      { kind: 'text', name: 'postal_city', label: 'Plaats', max: TEXT_MAX },
    ],
  },
  {
    slug: 'opleiding',
    title: 'Opleiding',
    fields: [
      { kind: 'select', name: 'institution', label: 'Hogeschool', options: 'institutions', required: 'Kies de hogeschool' },
      { kind: 'text', name: 'programme_name', label: 'Naam van de opleiding', max: TEXT_MAX, required: 'Vul de naam van de opleiding in' },
      { kind: 'croho', name: 'croho', label: 'CROHO-code', hint: 'Vijf cijfers, zoals 80072.', required: 'Vul de CROHO-code in' },
      { kind: 'radio', name: 'level', label: 'Niveau', options: LEVELS, required: 'Kies Associate degree of Bachelor' },
      { kind: 'radio', name: 'mode', label: 'Vorm', options: MODES, required: 'Kies de vorm van de opleiding' },
      {
        kind: 'text',
        name: 'locations',
        label: 'Plaatsen waar de opleiding wordt gegeven',
        hint: 'Gescheiden door komma’s.',
        max: TEXT_MAX,
        required: 'Vul ten minste één plaats in',
      },
      { kind: 'select', name: 'sector', label: 'Sector', options: 'sectors', required: 'Kies de sector' },
      { kind: 'select', name: 'province', label: 'Provincie', options: 'provinces', required: 'Kies de provincie' },
    ],
  },
  {
    slug: 'route',
    title: 'Route en doelgroepen',
    fields: [
      {
        kind: 'radio',
        name: 'route_kind',
        label: 'Is de route nieuw of bestaat ze al?',
        options: [
          { value: 'new', label: 'Nieuwe route' },
          { value: 'existing', label: 'Bestaande route' },
        ],
        required: 'Kies nieuwe of bestaande route',
      },
      {
        kind: 'date',
        name: 'start_date',
        label: 'Startdatum (eerste of volgende cohort)',
        hint: 'Bijvoorbeeld 1 september 2027.',
        required: 'Vul de startdatum in',
      },
      {
        kind: 'integer',
        name: 'students_now',
        label: 'Aantal studenten nu',
        min: 0,
        max: 100_000,
        required: 'Vul het aantal studenten nu in (0 als de route nog niet loopt)',
      },
      {
        kind: 'integer',
        name: 'students_expected',
        label: 'Verwacht aantal nieuwe studenten per jaar',
        min: 0,
        max: 100_000,
        required: 'Vul het verwachte aantal nieuwe studenten per jaar in',
      },
      {
        kind: 'checkboxes',
        name: 'target_groups',
        label: 'Doelgroepen',
        options: TARGET_GROUPS,
        required: 'Kies ten minste één doelgroep',
      },
      {
        kind: 'textarea',
        name: 'description',
        label: 'Beschrijving van de route',
        hint: 'Voor studenten en bedrijven: wat houdt de route in?',
        max: LONG_TEXT_MAX,
        required: 'Beschrijf de route',
      },
    ],
  },
  {
    slug: 'werkend-leren',
    title: 'Criterium 1: werkend leren',
    criterion: 'C1',
    intro: 'Leren en werken gebeuren tegelijk en zijn met elkaar verbonden; het meeste leren vindt plaats op de werkplek.',
    fields: [
      {
        kind: 'integer',
        name: 'work_days',
        label: 'Dagen per week op de werkplek',
        min: 0,
        max: 7,
        required: 'Vul het aantal werkdagen per week in',
      },
      {
        kind: 'integer',
        name: 'study_days',
        label: 'Dagen per week onderwijs',
        min: 0,
        max: 7,
        required: 'Vul het aantal onderwijsdagen per week in',
      },
      {
        kind: 'textarea',
        name: 'connection',
        label: 'Hoe zijn werken en leren met elkaar verbonden?',
        max: LONG_TEXT_MAX,
        required: 'Beschrijf hoe werken en leren verbonden zijn',
      },
    ],
  },
  {
    slug: 'mkb-werkplek',
    title: 'Criterium 2: werkplek in het mkb',
    criterion: 'C2',
    intro: 'De student werkt bij een mkb-bedrijf: minder dan 250 medewerkers.',
    fields: [
      {
        kind: 'integer',
        name: 'sme_count',
        label: 'Aantal deelnemende mkb-bedrijven',
        min: 0,
        max: 100_000,
        required: 'Vul het aantal deelnemende mkb-bedrijven in',
      },
      {
        kind: 'checkbox',
        name: 'sme_confirm',
        label: 'Bevestiging',
        text: 'Alle deelnemende bedrijven hebben minder dan 250 medewerkers.',
        required: 'Bevestig dat de bedrijven minder dan 250 medewerkers hebben',
      },
      {
        kind: 'rows',
        name: 'companies',
        label: 'Deelnemende bedrijven',
        item: 'bedrijf',
        hint: 'Het KvK-nummer heeft 8 cijfers.',
        count: 2,
        recommended: 'Noem een of meer deelnemende bedrijven',
        columns: [
          { name: 'name', label: 'Naam bedrijf', kind: 'text', max: TEXT_MAX, required: 'Vul de naam van het bedrijf in' },
          { name: 'kvk', label: 'KvK-nummer', kind: 'kvk', max: 8 },
        ],
      },
    ],
  },
  {
    slug: 'overeenkomst',
    title: 'Criterium 3: driepartijenovereenkomst',
    criterion: 'C3',
    intro: 'Student, hogeschool en mkb-bedrijf sluiten samen een overeenkomst (bij duaal: artikel 7.7 WHW).',
    fields: [
      {
        kind: 'radio',
        name: 'agreement',
        label: 'Wordt er een driepartijenovereenkomst getekend?',
        options: YES_PLANNED_NO,
        required: 'Kies of er een overeenkomst wordt getekend',
      },
      {
        kind: 'text',
        name: 'agreement_type',
        label: 'Soort overeenkomst',
        hint: 'Bijvoorbeeld praktijkovereenkomst (duaal) of leerwerkovereenkomst.',
        max: TEXT_MAX,
        recommended: 'Noem het soort overeenkomst',
      },
      { kind: 'textarea', name: 'agreement_notes', label: 'Toelichting', max: LONG_TEXT_MAX },
      { kind: 'file', name: 'agreement_template', label: 'Model van de overeenkomst (pdf)', hint: 'Alleen pdf, hoogstens 10 MB.' },
    ],
  },
  {
    slug: 'salaris',
    title: 'Criterium 4: salaris',
    criterion: 'C4',
    fields: [
      {
        kind: 'radio',
        name: 'salary',
        label: 'Krijgt de student salaris van de werkgever?',
        options: [
          { value: 'yes', label: 'Ja' },
          { value: 'no', label: 'Nee' },
        ],
        required: 'Kies of de student salaris krijgt',
      },
      {
        kind: 'text',
        name: 'salary_basis',
        label: 'Cao of indicatie van het salaris',
        max: TEXT_MAX,
        recommended: 'Noem de cao of een indicatie van het salaris',
      },
    ],
  },
  {
    slug: 'samen-vormgeven',
    title: 'Criterium 5: samen vormgegeven',
    criterion: 'C5',
    intro: 'Bedrijven, brancheverenigingen en de hogeschool geven de route samen vorm.',
    fields: [
      {
        kind: 'rows',
        name: 'associations',
        label: 'Brancheverenigingen',
        item: 'branchevereniging',
        count: 2,
        recommended: 'Noem een of meer brancheverenigingen die meedoen',
        columns: [
          { name: 'name', label: 'Naam', kind: 'text', max: TEXT_MAX, required: 'Vul de naam van de branchevereniging in' },
          { name: 'role', label: 'Rol', kind: 'text', max: TEXT_MAX },
        ],
      },
      {
        kind: 'rows',
        name: 'partners',
        label: 'Bedrijven die meedenken',
        item: 'bedrijf',
        count: 2,
        columns: [
          { name: 'name', label: 'Naam', kind: 'text', max: TEXT_MAX, required: 'Vul de naam van het bedrijf in' },
          { name: 'role', label: 'Rol', kind: 'text', max: TEXT_MAX },
        ],
      },
      {
        kind: 'textarea',
        name: 'co_design',
        label: 'Hoe geven jullie de route samen vorm?',
        max: LONG_TEXT_MAX,
        required: 'Beschrijf hoe jullie de route samen vormgeven',
      },
    ],
  },
  {
    slug: 'deelname',
    title: 'Deelname en ondersteuning',
    fields: [
      {
        kind: 'radio',
        name: 'participation',
        label: 'Hoe wilt u meedoen?',
        options: PARTICIPATION.map((p) => ({ ...p, description: PARTICIPATION_DESCRIPTIONS[p.value] })),
        required: 'Kies hoe u wilt meedoen',
      },
      {
        kind: 'textarea',
        name: 'support_needs',
        label: 'Waarbij wilt u ondersteuning?',
        max: LONG_TEXT_MAX,
        recommended: 'Vertel waarbij u ondersteuning wilt',
      },
      { kind: 'checkboxes', name: 'themes', label: 'Thema’s die u interesseren', options: 'themes' },
    ],
  },
  {
    slug: 'publicatie',
    title: 'Publicatie',
    intro: 'Toegelaten routes komen in het landelijk overzicht. Kies wat daar over deze route mag staan.',
    fields: [
      {
        kind: 'checkboxes',
        name: 'publish',
        label: 'Dit mag openbaar worden',
        options: [
          { value: 'description', label: 'De beschrijving van de route' },
          { value: 'locations', label: 'De plaatsen' },
          { value: 'target_groups', label: 'De doelgroepen' },
          { value: 'partners', label: 'De brancheverenigingen en bedrijven' },
          { value: 'contact', label: 'Naam en e-mailadres van de contactpersoon' },
        ],
        recommended: 'Zonder toestemming voor publicatie verschijnt de route niet in het landelijk overzicht',
      },
    ],
  },
];

export const SUMMARY_SLUG = 'overzicht';

export function stepBySlug(slug: string): Step | undefined {
  return STEPS.find((s) => s.slug === slug);
}

export function stepIndex(slug: string): number {
  return STEPS.findIndex((s) => s.slug === slug);
}

/** What a step's form shows before anything was saved in it: the hogeschool the registration is for. */
export function stepDefaults(slug: string, institutionBrin: string): Record<string, string> {
  return slug === 'opleiding' ? { institution: institutionBrin } : {};
}
