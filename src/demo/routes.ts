/**
 * The fictitious routes of the demo: every one named "(demo)", at real hogescholen, spread over
 * all twelve provinces, many sectors and every state of the lifecycle. Only data; load.ts makes
 * them through the platform's own services.
 */
export type DemoState = 'draft' | 'submitted' | 'in_review' | 'info_requested' | 'accepted' | 'participant' | 'declined' | 'withdrawn';

export type DemoRoute = {
  brin: string;
  province: string;
  sector: string;
  title: string;
  level: 'AD' | 'BA';
  state: DemoState;
  /** Days ago the registration was started; later steps follow a few days apart. */
  age: number;
};

const row = (
  brin: string,
  province: string,
  sector: string,
  title: string,
  level: 'AD' | 'BA',
  state: DemoState,
  age: number,
): DemoRoute => ({
  brin,
  province,
  sector,
  title: `${title} (demo)`,
  level,
  state,
  age,
});

export const DEMO_ROUTES: DemoRoute[] = [
  row('25BE', 'Groningen', 'Q', 'Ad Zorg en Technologie', 'AD', 'participant', 200),
  row('25BE', 'Drenthe', 'C', 'Ad Procestechniek Emmen', 'AD', 'participant', 190),
  row('31FR', 'Fryslân', 'I', 'Ad Hospitality Management', 'AD', 'accepted', 120),
  row('31FR', 'Fryslân', 'A', 'Bachelor Melkveehouderij Werkend Leren', 'BA', 'in_review', 40),
  row('01VU', 'Flevoland', 'F', 'Ad Bouwkunde Almere', 'AD', 'participant', 180),
  row('01VU', 'Overijssel', 'P', 'Ad Pedagogisch Educatief Professional', 'AD', 'accepted', 110),
  row('23AH', 'Overijssel', 'C', 'Ad Smart Industry', 'AD', 'participant', 170),
  row('23AH', 'Overijssel', 'J', 'Ad Software Development', 'AD', 'submitted', 12),
  row('25KB', 'Gelderland', 'Q', 'Ad Verpleegkunde Duaal', 'AD', 'participant', 210),
  row('25KB', 'Gelderland', 'M', 'Ad Engineering', 'AD', 'info_requested', 55),
  row('30TX', 'Gelderland', 'A', 'Ad Groene Ruimte', 'AD', 'accepted', 95),
  row('30HD', 'Gelderland', 'E', 'Ad Water- en Bodemmanagement', 'AD', 'declined', 80),
  row('25DW', 'Utrecht', 'Q', 'Ad Sociaal Werk Duaal', 'AD', 'participant', 160),
  row('25DW', 'Utrecht', 'K', 'Ad Financial Services', 'AD', 'in_review', 30),
  row('25DW', 'Utrecht', 'N', 'Bachelor Facility Management Duaal', 'BA', 'draft', 6),
  row('28DN', 'Noord-Holland', 'G', 'Ad Retailmanagement', 'AD', 'participant', 150),
  row('28DN', 'Noord-Holland', 'H', 'Ad Logistiek Schiphol', 'AD', 'accepted', 100),
  row('27PZ', 'Noord-Holland', 'J', 'Ad Cybersecurity Werkend Leren', 'AD', 'submitted', 9),
  row('27PZ', 'Noord-Holland', 'R', 'Ad Sport en Bewegen', 'AD', 'withdrawn', 70),
  row('22OJ', 'Zuid-Holland', 'H', 'Ad Maritiem en Logistiek', 'AD', 'participant', 140),
  row('22OJ', 'Zuid-Holland', 'F', 'Ad Bouw en Infra', 'AD', 'accepted', 90),
  row('27UM', 'Zuid-Holland', 'O', 'Ad Bestuurskunde Duaal', 'AD', 'in_review', 25),
  row('21RI', 'Zuid-Holland', 'M', 'Ad Laboratorium Onderzoek', 'AD', 'info_requested', 60),
  row('21RI', 'Zuid-Holland', 'P', 'Bachelor Pabo Zij-instroom', 'BA', 'draft', 4),
  row('21MI', 'Zeeland', 'D', 'Ad Energietransitie', 'AD', 'participant', 175),
  row('21MI', 'Zeeland', 'H', 'Ad Havenlogistiek Vlissingen', 'AD', 'accepted', 85),
  row('07GR', 'Noord-Brabant', 'C', 'Ad Technische Bedrijfskunde', 'AD', 'participant', 220),
  row('07GR', 'Noord-Brabant', 'Q', 'Ad Zorg en Welzijn Den Bosch', 'AD', 'in_review', 35),
  row('30GB', 'Noord-Brabant', 'C', 'Ad Mechatronica', 'AD', 'accepted', 105),
  row('30GB', 'Noord-Brabant', 'J', 'Ad ICT Beheer', 'AD', 'submitted', 15),
  row('21UI', 'Noord-Brabant', 'I', 'Ad Leisure en Events', 'AD', 'declined', 75),
  row('21CW', 'Noord-Brabant', 'A', 'Ad Agrofood Business', 'AD', 'draft', 3),
  row('25JX', 'Limburg', 'C', 'Ad Chemische Technologie', 'AD', 'participant', 165),
  row('25JX', 'Limburg', 'Q', 'Ad Verpleegkunde Heerlen', 'AD', 'accepted', 88),
  row('25JX', 'Limburg', 'G', 'Ad Commerciële Economie', 'AD', 'info_requested', 50),
  row('25BE', 'Groningen', 'D', 'Ad Energie en Waterstof', 'AD', 'in_review', 28),
  row('23AH', 'Overijssel', 'Q', 'Ad Gezondheidszorg Enschede', 'AD', 'submitted', 11),
  row('01VU', 'Flevoland', 'G', 'Ad Ondernemerschap Almere', 'AD', 'draft', 2),
  row('28DN', 'Noord-Holland', 'M', 'Ad Accountancy Duaal', 'AD', 'accepted', 92),
  row('22OJ', 'Zuid-Holland', 'C', 'Ad Elektrotechniek Werkend Leren', 'AD', 'participant', 145),
];

const TARGETS = ['mbo_bbl', 'mbo_bol', 'havo_vwo', 'career_switcher', 'mbo_worker'];
const THEMES = ['vision', 'recruitment', 'curriculum', 'cooperation', 'supervision', 'funding'];
const COMPANIES = ['Van Dam Techniek', 'Bakker Zorggroep', 'De Groot Logistiek', 'Jansen Installaties', 'Visser & Zn', 'Mulder Bouw'];
const BRANCHES = ['Techniek Nederland', 'ActiZ', 'evofenedex', 'Bouwend Nederland', 'Koninklijke Horeca Nederland', 'MKB-Nederland'];

/** The answers to every step for a demo route, as a browser would post them; i varies them. */
export function demoAnswers(
  route: DemoRoute,
  i: number,
  contact: { name: string; email: string },
): Record<string, Record<string, string | string[]>> {
  const companies = COMPANIES.slice(i % 3, (i % 3) + 3);
  return {
    organisatie: {
      faculty: 'Academie voor Werkend Leren (demo)',
      contact_name: contact.name,
      contact_role: 'Opleidingsmanager',
      contact_email: contact.email,
      contact_phone: '030 123 45 67',
      contact2_name: '',
      contact2_email: '',
      postal_street: 'Voorbeeldstraat 1',
      postal_postcode: '3511 AA',
      postal_city: 'Utrecht',
    },
    opleiding: {
      institution: route.brin,
      programme_name: route.title,
      croho: String(80_000 + i * 7).slice(0, 5),
      level: route.level,
      mode: i % 4 === 0 ? 'deeltijd' : 'duaal',
      locations: route.province === 'Flevoland' ? 'Almere, Lelystad' : route.province === 'Drenthe' ? 'Emmen, Assen' : 'Centrum en regio',
      sector: route.sector,
      province: route.province,
    },
    route: {
      route_kind: i % 3 === 0 ? 'existing' : 'new',
      start_date: `2027-0${(i % 2) * 7 + 2}-01`,
      students_now: String((i * 3) % 25),
      students_expected: String(12 + ((i * 5) % 30)),
      target_groups: [TARGETS[i % TARGETS.length] ?? 'mbo_bbl', TARGETS[(i + 2) % TARGETS.length] ?? 'havo_vwo'],
      description: `Studenten werken vier dagen per week bij een mkb-bedrijf in de regio en leren één dag op de hogeschool. Deze route is een fictief voorbeeld voor de demo-omgeving.`,
    },
    'werkend-leren': { work_days: '4', study_days: '1', connection: 'Opdrachten komen uit het werk en worden op school verdiept.' },
    'mkb-werkplek': {
      sme_count: String(4 + (i % 9)),
      sme_confirm: 'ja',
      ...Object.fromEntries(
        companies.flatMap((c, n) => [
          [`companies_${n + 1}_name`, `${c} (demo)`],
          [`companies_${n + 1}_kvk`, ''],
        ]),
      ),
    },
    overeenkomst: { agreement: 'yes', agreement_type: 'Praktijkovereenkomst', agreement_notes: '' },
    salaris: { salary: 'yes', salary_basis: 'Volgens de cao van de branche' },
    'samen-vormgeven': {
      associations_1_name: `${BRANCHES[i % BRANCHES.length]} (demo)`,
      associations_1_role: 'Denkt mee over het curriculum',
      co_design: 'Een werkveldcommissie met bedrijven en branche komt vier keer per jaar bijeen.',
    },
    deelname: {
      participation: ['pilot', 'development', 'knowledge'][i % 3] ?? 'pilot',
      support_needs: i % 2 ? 'Werving van studenten' : 'Begeleiding van praktijkopleiders',
      themes: [THEMES[i % THEMES.length] ?? 'supervision'],
    },
    publicatie: { publish: ['description', 'locations', 'target_groups', 'partners'] },
  };
}
