import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { registration, user } from '../../../test/factories.ts';
import { buildTestApp, type Client, signIn } from '../../../test/helpers.ts';
import { readDuoFile } from '../reference/index.ts';

const DUO = readFileSync(new URL('../../../test/data/duo-adressen-hbo-wo.csv', import.meta.url), 'utf8');

/** Uploads a file as a browser does (multipart). */
async function upload(
  site: Awaited<ReturnType<typeof buildTestApp>>,
  client: Client,
  content: Buffer | string,
  filename = 'instellingen.csv',
) {
  await client.get('/beheer/hogescholen');
  const boundary = '----mkbroute';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.lastCsrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return site.app.inject({
    method: 'POST',
    url: '/beheer/hogescholen',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

describe('administration: hogescholen from DUO', () => {
  test('the file as DUO publishes it matches the shipped list: hbo rows only, names and places as stored', () => {
    const read = readDuoFile(Buffer.from(DUO));
    assert.equal(read.ok, true);
    if (!read.ok) return;
    assert.equal(read.rows.length, 36);
    assert.deepEqual(
      read.rows.find((r) => r.brin === '07GR'),
      { brin: '07GR', name: 'Avans Hogeschool', city: 'Tilburg', province: 'Noord-Brabant', website: 'https://www.avans.nl' },
    );
    assert.equal(read.rows.find((r) => r.brin === '31FR')?.province, 'Fryslân');
  });

  test('bad files are refused with what is wrong on which line, and nothing changes', async (t) => {
    const site = await buildTestApp(t);
    await user(site.db, 'bram@programma.nl', 'admin', { name: 'Bram' });
    const admin = await signIn(site.app, site.db, 'bram@programma.nl');
    const before = await site.db.selectFrom('institutions').selectAll().orderBy('brin').execute();
    const lines = DUO.split('\r\n');
    const cases: [string, Buffer | string, RegExp][] = [
      [
        'wrong header',
        `NAAM;CODE\r\nAvans;07GR\r\n`,
        /Regel 1: de kopregel mist INSTELLINGSCODE, INSTELLINGSNAAM, PLAATSNAAM, PROVINCIE, SOORT HO/,
      ],
      [
        'latin-1',
        Buffer.from(DUO.replace('Fryslân', 'x').replace('Avans Hogeschool', 'Avans Hogeschool é'), 'latin1'),
        /niet in UTF-8 opgeslagen/,
      ],
      [
        'duplicate code',
        [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\r\n'),
        /Regel 4: instellingscode 21QA staat ook al op regel 3\./,
      ],
      [
        'bad code',
        DUO.replace(';07GR;', ';7GR;'),
        /Regel \d+: instellingscode &quot;7GR&quot; is geen code van twee cijfers en twee letters/,
      ],
      ['10 MB of nonsense', Buffer.alloc(10 * 1024 * 1024, 'x'), /groter dan 2 MB|2 MB/],
    ];
    for (const [name, content, message] of cases) {
      const res = await upload(site, admin, content);
      assert.equal(res.statusCode, 422, name);
      assert.match(res.body, message, name);
      assert.match(res.body, /Er is niets veranderd\./, name);
    }
    assert.deepEqual(await site.db.selectFrom('institutions').selectAll().orderBy('brin').execute(), before);
    assert.equal((await site.db.selectFrom('institution_imports').select('id').execute()).length, 0);
  });

  test('preview of new, changed and gone hogescholen with what refers to them; applying keeps the gone one, inactive', async (t) => {
    const site = await buildTestApp(t);
    await user(site.db, 'bram@programma.nl', 'admin', { name: 'Bram' });
    const anna = await user(site.db, 'anna@avans.nl', 'applicant', { brin: '07GR' });
    await registration(site, 'submitted', { applicant: anna });
    const admin = await signIn(site.app, site.db, 'bram@programma.nl');
    // Avans leaves the list, ArtEZ moves to Zwolle, a new hogeschool appears.
    const file = DUO.split('\r\n')
      .filter((l) => !l.includes(';07GR;'))
      .map((l) => (l.includes(';27NF;') ? l.replace('ARNHEM', 'ZWOLLE') : l))
      .concat(['Utrecht;99XY;Hogeschool Nieuw;;;;UTRECHT;;www.nieuw.nl;hbo'])
      .join('\r\n');
    const res = await upload(site, admin, file, '01.-instellingen-hbo-en-wo.csv');
    assert.equal(res.statusCode, 303);
    const preview = (await admin.get(String(res.headers.location))).body;
    assert.match(preview, /01\.-instellingen-hbo-en-wo\.csv: 1 nieuw, 1 gewijzigd, 1 niet meer in de lijst, 34 ongewijzigd\./);
    assert.match(preview, /99XY Hogeschool Nieuw \(Utrecht, Utrecht\)/);
    assert.match(preview, /27NF ArtEZ: plaats “Arnhem” → “Zwolle”/);
    assert.match(preview, /07GR Avans Hogeschool <span class="mkb-meta">\(verwijzingen: 1 aanmelding, 1 account; die blijven bestaan\)/);
    assert.equal(
      (await site.db.selectFrom('institutions').select('city').where('brin', '=', '27NF').executeTakeFirstOrThrow()).city,
      'Arnhem',
      'nothing yet',
    );

    const applied = await admin.post(String(res.headers.location), {});
    assert.equal(applied.headers.location, '/beheer/hogescholen?melding=toegepast');
    const rows = await site.db
      .selectFrom('institutions')
      .select(['brin', 'city', 'active'])
      .where('brin', 'in', ['07GR', '27NF', '99XY'])
      .orderBy('brin')
      .execute();
    assert.deepEqual(rows, [
      { brin: '07GR', city: 'Tilburg', active: 0 },
      { brin: '27NF', city: 'Zwolle', active: 1 },
      { brin: '99XY', city: 'Utrecht', active: 1 },
    ]);
    // The registration and the account still refer to Avans; the list says it left DUO's list.
    assert.equal((await site.db.selectFrom('registrations').select('institution_brin').executeTakeFirstOrThrow()).institution_brin, '07GR');
    assert.match((await admin.get('/beheer/aanmeldingen')).body, /Avans Hogeschool \(Tilburg\) – niet meer in de lijst van DUO/);
    // Applying twice is refused.
    const again = await admin.post(String(res.headers.location), {});
    assert.equal(again.statusCode, 409);
    const audit = await site.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'reference.institutions_imported')
      .execute();
    assert.deepEqual(
      audit.map((a) => JSON.parse(a.detail ?? '{}')),
      [{ added: 1, changed: 1, gone: 1 }],
    );
  });
});
