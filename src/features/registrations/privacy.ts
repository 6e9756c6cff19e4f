import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { countMentions, scrubRows } from '../../platform/privacy/repo.ts';
import { ERASED_PERSON, scrubberFor } from '../../platform/privacy/scrub.ts';
import type { PersonalDataSource, Replacement } from '../../platform/privacy/types.ts';
import { STATE_LABELS, type State } from './rules.ts';

/**
 * Registrations name up to two contact persons (name, function, address, phone) in their answers,
 * and every frozen version repeats them. A request anonymises the person's slot (or puts the
 * replacement the admin gave in it); the registration, its reference and its decisions stay.
 */

export const DRAFT_MONTHS = {
  key: 'retention.draft_months',
  label: 'Bewaartermijn concepten',
  description: 'Een aanmelding die nooit is ingediend wordt zo lang na de laatste wijziging verwijderd.',
  unit: 'maanden' as const,
  default: 12,
  min: 1,
  max: 60,
};

export const CLOSED_MONTHS = {
  key: 'retention.closed_registration_months',
  label: 'Bewaartermijn afgewezen, ingetrokken en beëindigde aanmeldingen',
  description:
    'Zo lang na de laatste wijziging worden de contactpersonen van een afgewezen of ingetrokken aanmelding (ook een beëindigde deelname) geanonimiseerd; de aanmelding en het besluit blijven.',
  unit: 'maanden' as const,
  default: 24,
  min: 6,
  max: 120,
};

const SLOTS = [
  { slot: 1, name: 'contact_name', email: 'contact_email', phone: 'contact_phone', role: 'contact_role' },
  { slot: 2, name: 'contact2_name', email: 'contact2_email', phone: null, role: null },
] as const;
const LIVE: State[] = ['draft', 'submitted', 'in_review', 'info_requested', 'accepted', 'participant'];

type Row = { id: string; reference: string | null; title: string | null; state: string; answers: string };
type Link = { row: Row; slots: number[] };

const parse = (answers: string): Record<string, unknown> => JSON.parse(answers) as Record<string, unknown>;
/** The values of the step that names the contact persons (answers are kept per step: `{ organisatie: { values } }`). */
function contactStep(answers: Record<string, unknown>): Record<string, unknown> {
  const step = answers.organisatie as { values?: Record<string, unknown> } | undefined;
  if (!step || typeof step !== 'object') return {};
  step.values ??= {};
  return step.values;
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The registrations that name one of these addresses as a contact, with which slots. */
async function linked(db: Db | Trx, emails: string[]): Promise<Link[]> {
  if (!emails.length) return [];
  const rows = await db
    .selectFrom('registrations')
    .select(['id', 'reference', 'title', 'state', 'answers'])
    .where((eb) => eb.or(emails.map((e) => eb(sql`lower(answers)`, 'like', `%${e.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))))
    .execute();
  return rows.flatMap((row) => {
    const a = contactStep(parse(row.answers));
    const slots = SLOTS.filter((s) => emails.includes(str(a[s.email]).trim().toLowerCase())).map((s) => s.slot);
    return slots.length ? [{ row, slots }] : [];
  });
}

function anonymiseSlots(answers: Record<string, unknown>, slots: number[], replacement?: Replacement) {
  for (const s of SLOTS.filter((x) => slots.includes(x.slot))) {
    if (s.slot === 1 && replacement) {
      answers[s.name] = replacement.name;
      answers[s.email] = replacement.email;
      if (s.phone) answers[s.phone] = replacement.phone;
    } else {
      answers[s.name] = ERASED_PERSON;
      answers[s.email] = '';
      if (s.phone) answers[s.phone] = '';
    }
  }
}

/** The person in these slots of one registration, as the scrubber needs them (for retention). */
function slotPeople(answers: Record<string, unknown>) {
  return SLOTS.map((s) => ({
    names: [str(answers[s.name])],
    emails: [str(answers[s.email])],
    phones: s.phone ? [str(answers[s.phone])] : [],
    userIds: [],
  }));
}

async function anonymiseRegistration(
  trx: Trx,
  id: string,
  slots: number[],
  now: Date,
  s: ReturnType<typeof scrubberFor>,
  replacement?: Replacement,
) {
  const row = await trx.selectFrom('registrations').select(['answers', 'withdrawn_reason']).where('id', '=', id).executeTakeFirst();
  if (!row) return;
  const answers = parse(row.answers);
  anonymiseSlots(contactStep(answers), slots, replacement);
  const text = s.text(JSON.stringify(answers));
  await trx
    .updateTable('registrations')
    .set({ answers: text, withdrawn_reason: row.withdrawn_reason ? s.text(row.withdrawn_reason) : null, anonymised_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  const versions = await trx
    .selectFrom('registration_versions')
    .select(['version', 'snapshot'])
    .where('registration_id', '=', id)
    .execute();
  for (const v of versions) {
    const after = s.text(v.snapshot);
    if (after !== v.snapshot)
      await trx
        .updateTable('registration_versions')
        .set({ snapshot: after })
        .where('registration_id', '=', id)
        .where('version', '=', v.version)
        .execute();
  }
  for (const d of await trx
    .selectFrom('decisions')
    .select(['id', 'message', 'mail_subject', 'mail_body', 'conditions'])
    .where('registration_id', '=', id)
    .execute()) {
    await trx
      .updateTable('decisions')
      .set({
        message: s.text(d.message),
        mail_subject: s.text(d.mail_subject),
        mail_body: s.text(d.mail_body),
        conditions: d.conditions === null ? null : s.text(d.conditions),
      })
      .where('id', '=', d.id)
      .execute();
  }
}

export const registrationsPersonalData: PersonalDataSource = {
  key: 'registrations',
  title: 'Aanmeldingen',
  async identify(db, email) {
    const links = await linked(db, [email]);
    const names: string[] = [];
    const phones: string[] = [];
    for (const { row, slots } of links) {
      const a = contactStep(parse(row.answers));
      for (const s of SLOTS.filter((x) => slots.includes(x.slot))) {
        names.push(str(a[s.name]));
        if (s.phone) phones.push(str(a[s.phone]));
      }
    }
    return { names, phones, anchors: links.flatMap((l) => l.slots.map((slot) => `registrations:${l.row.id}#${slot}`)) };
  },
  async recall(db, anchors) {
    const out = { names: [] as string[], emails: [] as string[], phones: [] as string[] };
    for (const anchor of anchors) {
      const [id, slot] = anchor.replace(/^registrations:/, '').split('#');
      const row = id ? await db.selectFrom('registrations').select('answers').where('id', '=', id).executeTakeFirst() : undefined;
      if (!row) continue;
      const p = slotPeople(contactStep(parse(row.answers)))[Number(slot) - 1];
      if (!p) continue;
      out.names.push(...p.names);
      out.emails.push(...p.emails);
      out.phones.push(...p.phones);
    }
    return out;
  },
  async export(db, person) {
    const links = await linked(db, person.emails);
    const created = person.userIds.length
      ? await db
          .selectFrom('registrations')
          .select(['id', 'reference', 'title', 'state', 'created_at'])
          .where('created_by', 'in', person.userIds)
          .execute()
      : [];
    const items = links.map(({ row, slots }) => {
      const a = contactStep(parse(row.answers));
      const fields: [string, string][] = [
        ['Kenmerk', row.reference ?? 'concept'],
        ['Status', STATE_LABELS[row.state as State] ?? row.state],
      ];
      for (const s of SLOTS.filter((x) => slots.includes(x.slot))) {
        fields.push([s.slot === 1 ? 'Contactpersoon' : 'Tweede contactpersoon', str(a[s.name])], ['E-mailadres', str(a[s.email])]);
        if (s.role) fields.push(['Functie', str(a[s.role])]);
        if (s.phone) fields.push(['Telefoon', str(a[s.phone])]);
      }
      return { label: `Contactpersoon bij aanmelding "${row.title ?? 'zonder titel'}"`, fields };
    });
    for (const r of created)
      items.push({
        label: `Aanmelding gestart: "${r.title ?? 'zonder titel'}"`,
        fields: [
          ['Kenmerk', r.reference ?? 'concept'],
          ['Status', STATE_LABELS[r.state as State] ?? r.state],
        ],
      });
    return {
      items,
      data: {
        contact_person_of: links.map(({ row, slots }) => {
          const a = contactStep(parse(row.answers));
          return {
            reference: row.reference,
            title: row.title,
            slots: SLOTS.filter((x) => slots.includes(x.slot)).map((s) => ({
              name: str(a[s.name]),
              email: str(a[s.email]),
              role: s.role ? str(a[s.role]) : undefined,
              phone: s.phone ? str(a[s.phone]) : undefined,
            })),
          };
        }),
        started: created.map((r) => ({ reference: r.reference, title: r.title, state: r.state, created_at: r.created_at })),
      },
    };
  },
  async plan(db, person, s) {
    const links = await linked(db, person.emails);
    const others = await countMentions(db, 'registrations', ['answers', 'withdrawn_reason'], s.withoutNames());
    return [
      {
        action: 'geanonimiseerd',
        what: 'contactpersoon in aanmeldingen (met alle ingediende versies en besluitbrieven)',
        count: links.length,
      },
      {
        action: 'bewaard',
        what: 'die aanmeldingen zelf, met kenmerk, antwoorden en besluiten',
        count: links.length,
        why: 'de aanmelding is van de hogeschool en het besluit van het programma; alleen de persoon verdwijnt eruit',
      },
      {
        action: 'geanonimiseerd',
        what: 'andere aanmeldingen die het e-mailadres of telefoonnummer noemen',
        count: Math.max(0, others - links.length),
      },
    ];
  },
  async blockers(db, person) {
    return (await linked(db, person.emails)).flatMap(({ row, slots }) => {
      if (!slots.includes(1) || !LIVE.includes(row.state as State)) return [];
      const a = contactStep(parse(row.answers));
      const second = str(a.contact2_email).trim().toLowerCase();
      if (second && !person.emails.includes(second)) return [];
      return [
        {
          text: `De persoon is de enige contactpersoon van de lopende aanmelding "${row.title ?? 'zonder titel'}" (${row.reference ?? 'concept'}). Geef een vervangende contactpersoon op.`,
          replacementFor: { registrationId: row.id, reference: row.reference ?? 'concept', title: row.title ?? 'zonder titel' },
        },
      ];
    });
  },
  async erase(trx, person, s, { now, replacements }) {
    for (const { row, slots } of await linked(trx, person.emails))
      await anonymiseRegistration(trx, row.id, slots, now, s, replacements[row.id]);
    await scrubRows(trx, 'registrations', 'id', ['answers', 'withdrawn_reason'], s.withoutNames());
    await scrubRows(trx, 'decisions', 'id', ['message', 'mail_subject', 'mail_body', 'conditions'], s.withoutNames());
    await scrubRows(trx, 'registration_versions', ['registration_id', 'version'], ['snapshot'], s.withoutNames());
  },
  retention: [
    {
      key: 'drafts',
      label: 'Concepten die nooit zijn ingediend',
      action: 'verwijderd',
      because: (n) => `omdat ze ${n} maanden niet zijn gewijzigd en nooit zijn ingediend`,
      setting: DRAFT_MONTHS,
      async candidates(db, before, limit) {
        const rows = await db
          .selectFrom('registrations')
          .select(['id', 'updated_at', 'title'])
          .where('state', '=', 'draft')
          .where('updated_at', '<', before)
          .orderBy('updated_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, since: r.updated_at, label: r.title ?? 'concept zonder titel' }));
      },
      async apply(trx, id) {
        const r = await trx.deleteFrom('registrations').where('id', '=', id).where('state', '=', 'draft').executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      },
    },
    {
      key: 'closed-registrations',
      label: 'Contactpersonen van afgewezen, ingetrokken en beëindigde aanmeldingen',
      action: 'geanonimiseerd',
      because: (n) => `omdat de aanmelding ${n} maanden geleden is afgewezen of ingetrokken`,
      setting: CLOSED_MONTHS,
      async candidates(db, before, limit) {
        const rows = await db
          .selectFrom('registrations')
          .select(['id', 'updated_at', 'reference'])
          .where('state', 'in', ['declined', 'withdrawn'])
          .where('anonymised_at', 'is', null)
          .where('updated_at', '<', before)
          .orderBy('updated_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, since: r.updated_at, label: r.reference ?? '' }));
      },
      async apply(trx, id, now) {
        const row = await trx.selectFrom('registrations').select(['answers', 'anonymised_at']).where('id', '=', id).executeTakeFirst();
        if (!row || row.anonymised_at) return false;
        const people = slotPeople(contactStep(parse(row.answers)));
        const s = scrubberFor({
          names: people.flatMap((p) => p.names),
          emails: people.flatMap((p) => p.emails),
          phones: people.flatMap((p) => p.phones),
          userIds: [],
        });
        await anonymiseRegistration(trx, id, [1, 2], now, s);
        return true;
      },
    },
  ],
};
