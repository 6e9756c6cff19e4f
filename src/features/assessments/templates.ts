/** The decision mails as first worded; the team edits them under /beheer/sjablonen. */
export const TEMPLATE_KEYS = ['decision_accept', 'decision_request_info', 'decision_decline'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  decision_accept: 'Besluit: toegelaten',
  decision_request_info: 'Besluit: aanvulling gevraagd',
  decision_decline: 'Besluit: afgewezen',
};

export const DEFAULT_TEMPLATES: Record<TemplateKey, { subject: string; body: string }> = {
  decision_accept: {
    subject: 'Uw aanmelding {kenmerk} is toegelaten',
    body: `Beste {naam},

Goed nieuws: het programmateam heeft de aanmelding van {opleiding} ({hogeschool}) toegelaten. U doet mee als {deelname}.

{bericht}

Voorwaarden: {voorwaarden}

U krijgt binnenkort een uitnodiging om een startgesprek in te plannen. De aanmelding volgt u op {link}

Met vriendelijke groet,
Programmateam Mkb-route in het hbo`,
  },
  decision_request_info: {
    subject: 'Aanvulling gevraagd voor uw aanmelding {kenmerk}',
    body: `Beste {naam},

Het programmateam heeft de aanmelding van {opleiding} bekeken en heeft meer informatie nodig over: {criteria}.

{bericht}

Wilt u de aanvulling uiterlijk {termijn} indienen? Alleen de genoemde onderdelen staan open. Ga naar {link}

Met vriendelijke groet,
Programmateam Mkb-route in het hbo`,
  },
  decision_decline: {
    subject: 'Besluit over uw aanmelding {kenmerk}',
    body: `Beste {naam},

Het programmateam heeft de aanmelding van {opleiding} ({hogeschool}) zorgvuldig beoordeeld en kan haar niet toelaten tot het programma.

{bericht}

Wilt u het besluit bespreken? Antwoord dan op dit bericht. De aanmelding blijft zichtbaar op {link}

Met vriendelijke groet,
Programmateam Mkb-route in het hbo`,
  },
};
