import { countMentions, scrubRows } from '../../platform/privacy/repo.ts';
import type { PersonalDataSource } from '../../platform/privacy/types.ts';
import { formatDateTime } from '../../platform/time.ts';

/**
 * Assessments: a team member's declared conflicts of interest (personal: deleted), the assessments
 * and comments they wrote (kept: they are the grounds of a decision; the author becomes
 * "Verwijderde persoon" through the account), and text elsewhere that names someone.
 */
export const assessmentsPersonalData: PersonalDataSource = {
  key: 'assessments',
  title: 'Beoordelingen',
  async identify() {
    return {};
  },
  async export(db, person) {
    if (!person.userIds.length) return null;
    const affiliations = await db
      .selectFrom('member_affiliations')
      .select(['kind', 'value', 'created_at'])
      .where('user_id', 'in', person.userIds)
      .execute();
    const assessments = await db
      .selectFrom('assessments')
      .innerJoin('registrations', 'registrations.id', 'assessments.registration_id')
      .select([
        'registrations.reference',
        'assessments.version',
        'assessments.recommendation',
        'assessments.summary',
        'assessments.submitted_at',
      ])
      .where('assessments.assessor_id', 'in', person.userIds)
      .execute();
    const comments = await db.selectFrom('comments').select(['body', 'created_at']).where('author_id', 'in', person.userIds).execute();
    return {
      items: [
        ...affiliations.map((a) => ({
          label: 'Opgegeven belang',
          fields: [
            ['Soort', a.kind === 'institution' ? 'hogeschool' : 'organisatie'],
            ['Waarde', a.value],
          ] as [string, string][],
        })),
        ...assessments.map((a) => ({
          label: `Beoordeling van ${a.reference ?? ''} (versie ${a.version})`,
          fields: [
            ['Advies', a.recommendation ?? 'nog geen'],
            ['Samenvatting', a.summary ?? ''],
            ['Ingediend', a.submitted_at ? formatDateTime(a.submitted_at) : 'nog niet'],
          ] as [string, string][],
        })),
        ...comments.map((c) => ({
          label: 'Opmerking bij een aanmelding',
          fields: [
            ['Tekst', c.body],
            ['Geschreven', formatDateTime(c.created_at)],
          ] as [string, string][],
        })),
      ],
      data: { affiliations, assessments, comments },
    };
  },
  async plan(db, person, s) {
    const ids = person.userIds.length ? person.userIds : [''];
    const affiliations = await db.selectFrom('member_affiliations').select('id').where('user_id', 'in', ids).execute();
    const written = await db.selectFrom('assessments').select('registration_id').where('assessor_id', 'in', ids).execute();
    const comments = await db.selectFrom('comments').select('id').where('author_id', 'in', ids).execute();
    return [
      { action: 'verwijderd', what: 'opgegeven belangen (hogescholen en organisaties)', count: affiliations.length },
      {
        action: 'bewaard',
        what: 'beoordelingen en opmerkingen die de persoon schreef',
        count: written.length + comments.length,
        why: 'ze onderbouwen besluiten over aanmeldingen; de schrijver heet voortaan "Verwijderde persoon"',
      },
      {
        action: 'geanonimiseerd',
        what: 'beoordelingen, opmerkingen en afwegingen waarin de persoon wordt genoemd',
        count:
          (await countMentions(db, 'assessments', ['summary', 'verdicts'], s)) +
          (await countMentions(db, 'comments', ['body'], s)) +
          (await countMentions(db, 'conflict_dismissals', ['reason'], s)),
      },
    ];
  },
  async erase(trx, person, s) {
    if (person.userIds.length) await trx.deleteFrom('member_affiliations').where('user_id', 'in', person.userIds).execute();
    await scrubRows(trx, 'assessments', ['registration_id', 'assessor_id', 'version'], ['summary', 'verdicts'], s);
    await scrubRows(trx, 'comments', 'id', ['body'], s);
    await scrubRows(trx, 'conflict_dismissals', ['registration_id', 'user_id'], ['reason'], s);
    await scrubRows(trx, 'condition_fulfilments', 'id', ['condition_text'], s);
  },
};
