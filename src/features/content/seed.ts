/**
 * The first version of every content page, in our own words. Loaded into an empty database; after
 * that the programme team edits the pages under /beheer and this file is never read again for
 * a page that exists.
 */
export type SeedPage = { slug: string; title: string; summary: string; body: string };

export const SEED_PAGES: SeedPage[] = [
  {
    slug: 'home',
    title: 'Mkb-route in het hbo',
    summary:
      'Studeren aan een hogeschool terwijl je betaald werkt bij een mkb-bedrijf. Het landelijk programma helpt hogescholen om zulke opleidingsroutes op te zetten, te verbeteren en zichtbaar te maken.',
    body: `## Waarom werkend leren in het hbo?

Mkb-bedrijven zoeken mensen met actuele kennis en vaardigheden, en ze hebben ze liefst snel. Tegelijk zijn er veel mensen voor wie voltijd studeren niet past: mbo-studenten uit de beroepsbegeleidende leerweg, havisten die liever doen dan alleen leren, zij-instromers en werkenden met een mbo-diploma die verder willen.

Een Mkb-route brengt die twee samen. De student volgt een Associate degree of bachelor en werkt in dezelfde periode bij een mkb-bedrijf, met een salaris en een overeenkomst tussen student, hogeschool en bedrijf.

## Wat levert het op?

- Hogescholen bereiken nieuwe groepen studenten en halen de beroepspraktijk dichter bij hun onderwijs.
- Bedrijven leiden mensen op die meteen meedraaien en blijven.
- Studenten verdienen terwijl ze een hbo-diploma halen.`,
  },
  {
    slug: 'programma',
    title: 'Het programma',
    summary: 'Een landelijk programma dat werkend leren in het hbo blijvend sterker maakt, gedragen door overheid, hogescholen en het mkb.',
    body: `## Wie zitten erachter?

Het programma is een samenwerking van de ministeries van Economische Zaken en van Onderwijs, Cultuur en Wetenschap, de Vereniging Hogescholen en MKB-Nederland. Een programmateam voert het uit.

## Wat willen we bereiken?

Werkend leren in het mkb moet een vast en doelmatig onderdeel worden van het hbo-aanbod. Het programma begon met zeven pilots. Het doel is twintig of meer routes, verspreid over meer hogescholen en meer sectoren.

## Voor wie?

- **Mbo-studenten uit de bbl** die na hun diploma willen doorstromen zonder te stoppen met werken.
- **Havisten en vwo'ers** die het liefst leren in de praktijk.
- **Zij-instromers** die een nieuw vak kiezen.
- **Werkenden met een mbo-opleiding** die zich willen op-, om- of bijscholen.

## Hoe werkt deelname?

Een hogeschool meldt een nieuwe of bestaande opleidingsroute aan. Het programmateam beoordeelt de aanmelding aan de hand van vijf criteria en plant daarna een startgesprek.`,
  },
  {
    slug: 'criteria',
    title: 'De vijf criteria',
    summary: 'Een opleiding is een Mkb-route in het hbo als ze aan alle vijf de criteria hieronder voldoet.',
    body: `Het programmateam beoordeelt elke aanmelding per criterium. Voldoet een route nog niet helemaal, dan vragen we om een aanvulling of bespreken we in het startgesprek wat er nodig is.`,
  },
  {
    slug: 'aanbod',
    title: 'Wat het programma biedt',
    summary: 'Routes die meedoen krijgen ondersteuning, contacten, kennis en zichtbaarheid.',
    body: `## Ondersteuning

Hulp bij het opzetten of verder ontwikkelen van de opleidingsroute, afgestemd op wat uw team nodig heeft.

## Verbinding

Contact met branches, brancheverenigingen en mkb-bedrijven die willen meedoen.

## Kennis delen

Een leernetwerk rond thema's als het werven van nieuwe doelgroepen, de kwaliteit van praktijkbegeleiding in het mkb en scholingsregelingen. Lees wat er al is op [Kennis](/kennis).

## Handreiking

Een handreiking op basis van onderzoek naar wat Mkb-routes laat slagen: wat werkt, binnen welke kaders, en hoe richt je het in? [Lees de handreiking](/handreiking).

## Landelijke zichtbaarheid

Uw route staat in het landelijk overzicht, en u krijgt materiaal voor uw eigen communicatie.`,
  },
  {
    slug: 'deelnemen',
    title: 'Deelnemen',
    summary: 'Hogescholen doen mee als pilotpartner, ontwikkelpartner of kennispartner. Nieuwe en bestaande routes zijn welkom.',
    body: `## Drie manieren om mee te doen

### Pilotpartner

U heeft een route die al draait of bijna start en werkt met het programma aan de verdere ontwikkeling ervan. Uw ervaringen vormen de basis voor anderen.

### Ontwikkelpartner

U bent een route aan het opzetten en wilt daarbij ondersteuning, contacten en kennis uit het netwerk.

### Kennispartner

U deelt kennis en ervaring met het netwerk, bijvoorbeeld over praktijkbegeleiding of het werven van nieuwe doelgroepen.

## Zo meldt u een route aan

1. Log in met uw e-mailadres van de hogeschool en ga naar [Route aanmelden](/aanmelden).
2. Beschrijf de opleiding, de route, de doelgroepen en hoe de route aan de vijf criteria voldoet. Alles wordt per stap opgeslagen, dus u kunt tussendoor stoppen.
3. Het programmateam beoordeelt uw aanmelding en neemt contact met u op.
4. Na toelating plannen we samen een startgesprek.`,
  },
  {
    slug: 'privacy',
    title: 'Privacyverklaring',
    summary: 'Welke persoonsgegevens dit platform gebruikt, waarvoor, en welke rechten u heeft.',
    body: `## Welke gegevens?

We verwerken alleen wat nodig is voor het programma:

- naam, e-mailadres en functie van contactpersonen van hogescholen, bedrijven en brancheorganisaties;
- wat u invult in een aanmelding of formulier;
- bij succesverhalen: naam, rol, citaat en foto van wie daar uitdrukkelijk toestemming voor gaf.

## Waarvoor?

Om aanmeldingen te beoordelen, startgesprekken te plannen, u te informeren over het programma en routes met toestemming van de hogeschool landelijk zichtbaar te maken.

## Hoe lang?

We bewaren niets langer dan nodig. Concepten die nooit zijn ingediend, contactpersonen van afgewezen of ingetrokken aanmeldingen, gasten van afgelopen bijeenkomsten, afgesloten ondersteuningsgesprekken en verzonden e-mail worden na een vaste termijn verwijderd of geanonimiseerd; de termijnen die nu gelden staan onderaan deze pagina. Aantallen (hoeveel routes, studenten, gasten) blijven, zonder namen. Accountgegevens bewaren we zolang u het platform gebruikt.

## Cookies

Dit platform plaatst alleen cookies die nodig zijn om in te loggen en formulieren veilig te versturen. Er zijn geen volg- of advertentiecookies.

## Uw rechten

U kunt uw gegevens inzien, laten verbeteren, laten verwijderen of meenemen. Ingelogd ziet u onder Mijn omgeving, "Uw gegevens", alles wat het platform over u bewaart, en downloadt u het als bestand. Voor verwijderen of verbeteren neemt u contact op met het programmateam; u krijgt binnen een maand antwoord, met wat is verwijderd, wat is geanonimiseerd en wat we bewaren en waarom.`,
  },
  {
    slug: 'toegankelijkheid',
    title: 'Toegankelijkheidsverklaring',
    summary: 'Iedereen moet dit platform kunnen gebruiken. We bouwen het volgens WCAG 2.2 op niveau AA.',
    body: `## Wat we doen

- Elke pagina werkt met alleen een toetsenbord en zonder JavaScript.
- Formulieren tonen fouten bovenaan én bij het veld, en schermlezers lezen ze voor.
- We testen elke pagina die onze geautomatiseerde browsertests bezoeken met axe-core, en lossen elke melding op.

## Wat nog niet goed gaat

Heeft u moeite met een onderdeel van dit platform? Laat het ons weten via de contactpagina. We reageren binnen vijf werkdagen.`,
  },
  {
    slug: 'contact',
    title: 'Contact',
    summary: 'Vragen over het programma, een aanmelding of dit platform? Neem contact op met het programmateam.',
    body: `## Programmateam Mkb-route in het hbo

Mail ons via [info@mkbroute.nl](mailto:info@mkbroute.nl). We reageren binnen vijf werkdagen.

Heeft u al een aanmelding gedaan? Noem dan het kenmerk van uw aanmelding, zodat we u sneller kunnen helpen.`,
  },
];
