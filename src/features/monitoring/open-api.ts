/** The public figures' part of the open-data OpenAPI document (`/api/v1/openapi.json`). */

/** A published count: a whole number, or "<5" for 1 to 4. */
const count = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: ['<5'] },
  ],
};
const named = { type: 'object', required: ['name', 'routes'], properties: { name: { type: 'string' }, routes: count } };

export const figuresOpenApi = {
  paths: {
    '/figures': {
      get: {
        operationId: 'listFigures',
        summary: 'De gepubliceerde cijfers per jaar (routes, studenten per doelgroep, bedrijven)',
        description:
          'Alleen routes waarvan de hogeschool toestemming gaf voor publicatie. Elk aantal van 1 tot en met 4 is "<5". Een gepubliceerd jaar verandert niet meer; correcties op eerdere jaren staan bij het jaar waarin ze werden gepubliceerd.',
        responses: {
          '200': {
            description: 'Alle gepubliceerde jaren, nieuwste eerst',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data'],
                  properties: { data: { type: 'array', items: { $ref: '#/components/schemas/YearFigures' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  schemas: {
    YearFigures: {
      type: 'object',
      required: ['year', 'publishedAt', 'routes', 'students', 'corrections'],
      properties: {
        year: { type: 'integer' },
        publishedAt: { type: 'string', format: 'date-time' },
        routes: count,
        institutions: count,
        routesPerProvince: { type: 'array', items: named },
        routesPerSector: { type: 'array', items: named },
        routesReported: count,
        students: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              targetGroup: { type: 'string', enum: ['mbo_bbl', 'mbo_bol', 'havo_vwo', 'career_switcher', 'mbo_worker'] },
              name: { type: 'string' },
              new: count,
              enrolled: count,
              graduates: count,
            },
          },
        },
        companies: count,
        supervisors: count,
        corrections: {
          type: 'array',
          items: {
            type: 'object',
            properties: { year: { type: 'integer' }, item: { type: 'string' }, was: { type: 'string' }, now: { type: 'string' } },
          },
        },
      },
    },
  },
};
