/** The network's part of the open-data OpenAPI document (`/api/v1/openapi.json`). */
export const organisationsOpenApi = {
  paths: {
    '/organisations': {
      get: {
        operationId: 'listOrganisations',
        summary: 'Organisaties in het netwerk (mkb-bedrijven, brancheorganisaties)',
        description:
          'Alleen organisaties die toestemming gaven voor publicatie, zonder contactpersoon. Wie de toestemming intrekt, verdwijnt hier meteen uit.',
        responses: {
          '200': {
            description: 'Alle organisaties met toestemming, op naam',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data'],
                  properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  schemas: {
    Organisation: {
      type: 'object',
      required: ['id', 'name', 'type', 'sectors', 'offers', 'url'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string' },
        type: { type: 'string', enum: ['mkb', 'branche', 'anders'] },
        kvk: { type: ['string', 'null'], pattern: '^\\d{8}$' },
        sectors: { type: 'array', items: { type: 'string', description: 'SBI-sectie (letter)' } },
        province: { type: ['string', 'null'] },
        place: { type: ['string', 'null'] },
        size: { type: ['string', 'null'], enum: ['1-9', '10-49', '50-249', null] },
        website: { type: ['string', 'null'], format: 'uri' },
        offers: {
          type: 'array',
          items: { type: 'string', enum: ['leerwerkplekken', 'praktijkbegeleiders', 'gastlessen', 'curriculum', 'werving'] },
        },
        url: { type: 'string', format: 'uri' },
      },
    },
  },
};
