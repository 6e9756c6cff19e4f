/**
 * The first knowledge on the platform, written for it (facts from the programme's own page, the
 * sentences ours). It is loaded once, through the feature's own services, and is then the team's
 * to edit like anything else: nothing here is read again after the first start.
 */

export const SEED_PARTS = [
  { code: 'basis', position: 1, title: 'De basis' },
  { code: 'inrichten', position: 2, title: 'De route inrichten' },
  { code: 'samenwerken', position: 3, title: 'Samenwerken en groeien' },
];

/** An introduction per theme; the team rewrites them on /beheer/kennis. */
export const SEED_THEME_INTROS: Record<string, string> = {
  vision:
    'Waarom kiest een hogeschool voor werkend leren in het mkb, en wat maakt een opleiding een Mkb-route? Hier staat wat het programma onder de route verstaat en welke keuzes vooraf gaan.',
  recruitment:
    'Werkend leren trekt studenten die een voltijdopleiding niet kiezen: mbo-bbl’ers die willen doorstromen, havisten die liever meteen aan het werk gaan, zij-instromers en werkenden met een mbo-diploma. Hoe bereikt u hen, en wat hebben ze nodig om te beginnen?',
  curriculum:
    'In een Mkb-route is het werk de leeromgeving. Dat vraagt om een curriculum dat leeruitkomsten verbindt met wat de student op de werkplek doet, en om toetsing die dat werk als bewijs gebruikt.',
  cooperation:
    'Bedrijven, brancheverenigingen en de hogeschool geven de route samen vorm. Over het begin van zo’n samenwerking, de rollen, en hoe u die levend houdt.',
  supervision:
    'De praktijkbegeleider in het mkb is vaak vakman of -vrouw en geen docent. Wat heeft die nodig, en hoe houdt de hogeschool de kwaliteit van de begeleiding op peil?',
  funding:
    'Een werkende student krijgt salaris; een werkgever investeert in begeleiding. Welke regelingen en afspraken helpen daarbij, en waar let u op?',
  agreement:
    'Student, hogeschool en mkb-bedrijf leggen hun afspraken vast in één overeenkomst. Wat hoort erin, en hoe voorkomt u dat de overeenkomst een formaliteit wordt?',
};

export type SeedChapter = {
  part: string;
  title: string;
  summary: string;
  body: string;
  themes: string[];
  audiences: string[];
  criteria: string[];
};

export const SEED_CHAPTERS: SeedChapter[] = [
  {
    part: 'basis',
    title: 'Wat een Mkb-route in het hbo is',
    summary: 'De vijf kenmerken van een Mkb-route, en waarom ze samen het verschil maken.',
    themes: ['vision'],
    audiences: ['hogeschool', 'mkb', 'branche'],
    criteria: ['C1', 'C2', 'C3', 'C4', 'C5'],
    body: `Een Mkb-route is een Associate degree- of bacheloropleiding waarin de student betaald werkt bij een mkb-bedrijf en tegelijk studeert. Het programma kijkt naar vijf kenmerken, die samen de route maken:

1. **Werkend leren**: leren en werken gebeuren tegelijk en zijn met elkaar verbonden.
2. **Een werkplek in het mkb**: de student werkt bij een bedrijf met minder dan 250 medewerkers.
3. **Een driepartijenovereenkomst** tussen student, hogeschool en bedrijf.
4. **Salaris**: de werkgever betaalt de student voor het werk.
5. **Samen vormgegeven**: bedrijven, branches en hogeschool ontwerpen de route samen en blijven erbij betrokken.

## Waarom dit werkt

Het mkb zoekt hoger opgeleide mensen met kennis die nu gevraagd wordt, en heeft tegelijk mensen nodig die snel aan de slag kunnen. Een route die aan deze vijf kenmerken voldoet, maakt het hbo bereikbaar voor wie anders niet zou instromen en brengt de praktijk de opleiding in.

## Hoe u deze handreiking gebruikt

Elk hoofdstuk hoort bij een of meer kenmerken en thema’s. Na de beoordeling van uw aanmelding kunt u in *Mijn omgeving* een handreiking afdrukken met alleen de hoofdstukken die bij de open punten van uw route horen.`,
  },
  {
    part: 'basis',
    title: 'Leren en werken verbinden: curriculum en toetsing',
    summary: 'Het werk als leeromgeving: leeruitkomsten, werkplekopdrachten en toetsing op de werkplek.',
    themes: ['curriculum'],
    audiences: ['hogeschool'],
    criteria: ['C1'],
    body: `In een Mkb-route leert de student vooral op de werkplek. Het curriculum beschrijft daarom niet alleen wat er op de hogeschool gebeurt, maar vooral hoe het werk bijdraagt aan de leeruitkomsten.

## Van leeruitkomst naar werk

- Beschrijf per leeruitkomst welk soort werk er bewijs voor levert.
- Laat de student met de werkgever kiezen welke opdrachten in een periode passen.
- Plan de lesdagen zo dat ze de werkweek volgen, niet andersom.

## Toetsen op de werkplek

Toets met producten en situaties uit het werk. Een beoordeling waarin de praktijkbegeleider meekijkt, laat zien wat de student in het bedrijf waard is; de eindverantwoordelijkheid voor het oordeel blijft bij de examinator van de hogeschool.

| Onderdeel | Op de werkplek | Op de hogeschool |
| --- | --- | --- |
| Opdracht | Uit het werk van de student | Kaders en criteria |
| Begeleiding | Praktijkbegeleider | Docent of studieloopbaanbegeleider |
| Oordeel | Input van de werkgever | Examinator |`,
  },
  {
    part: 'inrichten',
    title: 'De werkplek in het mkb en de praktijkbegeleider',
    summary: 'Wat een goede leerwerkplek in een klein bedrijf is, en hoe de praktijkbegeleider wordt toegerust.',
    themes: ['supervision'],
    audiences: ['hogeschool', 'mkb'],
    criteria: ['C2'],
    body: `Een mkb-bedrijf heeft minder dan 250 medewerkers. In kleine bedrijven is de praktijkbegeleider vaak een vakman of -vrouw met weinig tijd en geen onderwijservaring. Dat is geen bezwaar, mits de hogeschool daar rekening mee houdt.

## Een goede leerwerkplek

- Er is werk op hbo-niveau, nu en in de komende periode.
- Er is één vaste begeleider met tijd in de agenda.
- De student mag fouten maken en krijgt daar feedback op.

## De praktijkbegeleider toerusten

Bied een korte introductie, een vast contactpersoon op de hogeschool en een paar momenten per jaar om ervaringen te delen met andere begeleiders. Houd formulieren kort: één gesprek per periode met drie vragen werkt beter dan een lang beoordelingsformulier.`,
  },
  {
    part: 'inrichten',
    title: 'De tripartiete overeenkomst',
    summary: 'De afspraken tussen student, hogeschool en mkb-bedrijf in één overeenkomst.',
    themes: ['agreement'],
    audiences: ['hogeschool', 'mkb'],
    criteria: ['C3'],
    body: `Student, hogeschool en mkb-bedrijf sluiten samen één overeenkomst. Bij een duale opleiding is dat de praktijkovereenkomst uit artikel 7.7 van de WHW.

## Wat erin hoort

- De duur van de werkperiode en het aantal uren per week.
- Wie de student begeleidt, in het bedrijf en op de hogeschool.
- Welke werkzaamheden bijdragen aan de opleiding.
- Wat er gebeurt als het werk stopt of de student wil wisselen.

## Meer dan een handtekening

Bespreek de overeenkomst aan het begin met alle drie de partijen aan tafel. Leg vast wanneer u hem samen weer bekijkt, bijvoorbeeld na elke periode.`,
  },
  {
    part: 'inrichten',
    title: 'Salaris en scholingsregelingen',
    summary: 'De student krijgt salaris; welke regelingen werkgever en student helpen.',
    themes: ['funding'],
    audiences: ['mkb', 'hogeschool'],
    criteria: ['C4'],
    body: `De student is in dienst van de werkgever en krijgt salaris voor het werk. Dat maakt de route aantrekkelijk voor mensen die niet zonder inkomen kunnen studeren, zoals zij-instromers en werkenden.

## Afspraken over salaris

Spreek het salaris af volgens de cao van de branche, of als die er niet is volgens wat in het bedrijf gebruikelijk is voor vergelijkbaar werk. Leg vast hoe studietijd wordt meegeteld.

## Regelingen

Er bestaan regelingen die werkgevers tegemoetkomen in de kosten van begeleiding en scholing, landelijk en per branche. Brancheverenigingen en opleidingsfondsen weten welke voor hun sector gelden; vraag hen mee te denken bij de start.`,
  },
  {
    part: 'samenwerken',
    title: 'Samen vormgeven met bedrijven en branches',
    summary: 'Hoe bedrijven, brancheverenigingen en de hogeschool de route samen ontwerpen en bijhouden.',
    themes: ['cooperation'],
    audiences: ['hogeschool', 'mkb', 'branche'],
    criteria: ['C5'],
    body: `Een Mkb-route wordt niet voor het mkb ontworpen, maar met het mkb. Bedrijven en brancheverenigingen zijn vanaf het begin betrokken en blijven dat.

## Rollen

- **Bedrijven** brengen het werk in en denken mee over wat een afgestudeerde moet kunnen.
- **Brancheverenigingen** bundelen de vraag van hun leden en helpen bij werving en regelingen.
- **De hogeschool** bewaakt het niveau en vertaalt de vraag naar een opleiding.

## Betrokken blijven

Richt een klein overleg in dat een paar keer per jaar bijeenkomt, met vaste vertegenwoordigers. Laat daar ook studenten aan het woord.`,
  },
  {
    part: 'samenwerken',
    title: 'Nieuwe doelgroepen werven',
    summary: 'Mbo-bbl’ers, havisten, zij-instromers en werkenden: waar u hen vindt en wat hen overtuigt.',
    themes: ['recruitment'],
    audiences: ['hogeschool', 'branche'],
    criteria: [],
    body: `Werkend leren maakt het hbo bereikbaar voor groepen die nu weinig instromen: mbo-studenten uit de bbl die willen doorstromen, havisten die liever meteen werken, zij-instromers en werkenden met een mbo-opleiding.

## Waar u hen vindt

- Via de mbo-scholen en de bedrijven waar bbl-studenten al werken.
- Via werkgevers die hun eigen medewerkers willen laten doorgroeien.
- Via brancheverenigingen en regionale werkgeversnetwerken.

## Wat overtuigt

Een baan met salaris vanaf de eerste dag, een diploma dat erkend is, en een rooster dat past bij werken. Laat huidige studenten en hun werkgevers vertellen hoe het gaat: dat overtuigt meer dan een folder.`,
  },
];
