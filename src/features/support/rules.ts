import type { SettingDefinition } from '../../platform/settings/registry.ts';
import { addWorkingDays, workingDaysBetween } from '../../platform/workdays.ts';

/** Support requests: the closed lists, the clocks, the advisor suggestion, files and mail text. Pure. */

export const STATES = { new: 'Nieuw, nog zonder adviseur', open: 'In behandeling', closed: 'Afgesloten' } as const;
export type SupportState = keyof typeof STATES;

export const OUTCOMES = {
  advice: 'Advies gegeven',
  referred: 'Doorverwezen naar een bijeenkomst of partner',
  condition_met: 'Voorwaarde vervuld',
  not_possible: 'Niet mogelijk',
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const isOutcome = (v: string): v is Outcome => v in OUTCOMES;

/** Days within which a closed request can be reopened by replying. */
export const REOPEN_DAYS = 14;
export const SUBJECT_MAX = 150;
export const BODY_MAX = 5_000;
export const SUMMARY_MAX = 1_000;
export const FILE_MAX = 10 * 1024 * 1024;

export type Clock = { due: string; met: boolean; late: boolean; daysLeft: number };

/**
 * A target on the working-day calendar: due `days` working days after the day it started; met when
 * it happened by then; late when it did not and the day has passed.
 */
export function clock(startedDay: string, days: number, doneDay: string | null, today: string): Clock {
  const due = addWorkingDays(startedDay, days);
  if (doneDay) return { due, met: doneDay <= due, late: doneDay > due, daysLeft: 0 };
  return { due, met: false, late: today > due, daysLeft: today > due ? -workingDaysBetween(due, today) : workingDaysBetween(today, due) };
}

export type Candidate = { id: string; name: string; expertise: string[]; load: number; conflicts: string[] };

/**
 * The advisors to suggest for a theme, best first: no conflict of interest with the hogeschool (the
 * assessment's rule), then those with the theme as expertise, then the lowest open load. Each with
 * its reasons in words; a member with a conflict is listed last and says why.
 */
export function suggestAdvisors(theme: string, candidates: Candidate[]): (Candidate & { reasons: string[] })[] {
  const score = (c: Candidate) => (c.conflicts.length ? 1000 : 0) + (c.expertise.includes(theme) ? 0 : 100) + c.load;
  return [...candidates]
    .sort((a, b) => score(a) - score(b) || a.name.localeCompare(b.name, 'nl'))
    .map((c) => ({
      ...c,
      reasons: [
        c.expertise.includes(theme) ? 'expertise in dit thema' : 'geen opgegeven expertise in dit thema',
        `${c.load} ${c.load === 1 ? 'open vraag' : 'open vragen'}`,
        ...c.conflicts.map((r) => `belang: ${r}`),
      ],
    }));
}

// ---------------------------------------------------------------- attachments

export type FileCheck = { ok: true; contentType: string } | { ok: false; message: string };

const ZIP_LIMIT = 50 * 1024 * 1024;

/** The uncompressed size of a zip's entries from its central directory, or null when it is no readable zip. */
function zipEntries(b: Buffer): { name: string; size: number; compressed: number }[] | null {
  const min = Math.max(0, b.length - 65_557);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: { name: string; size: number; compressed: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const extra = b.readUInt16LE(p + 30);
    const comment = b.readUInt16LE(p + 32);
    out.push({ name: b.subarray(p + 46, p + 46 + nameLength).toString('utf8'), size, compressed });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/**
 * What a file really is, by its content, not its name: a PDF, a PNG or JPEG image, or a Word
 * document (.docx: a zip with `word/document.xml` whose contents unpack to at most 50 MB — a zip
 * bomb is refused before anything is unpacked). The name's extension must agree.
 */
export function checkFile(filename: string, content: Buffer): FileCheck {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const head = content.subarray(0, 8);
  let kind: { type: string; exts: string[] } | null = null;
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') kind = { type: 'application/pdf', exts: ['pdf'] };
  else if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) kind = { type: 'image/png', exts: ['png'] };
  else if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) kind = { type: 'image/jpeg', exts: ['jpg', 'jpeg'] };
  else if (head.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(content);
    if (!entries || !entries.some((e) => e.name === 'word/document.xml'))
      return { ok: false, message: `${filename} is geen Word-document (.docx). Stuur een pdf, een afbeelding of een .docx.` };
    const total = entries.reduce((n, e) => n + e.size, 0);
    const ratio = Math.max(...entries.map((e) => (e.compressed > 0 ? e.size / e.compressed : e.size > 0 ? Number.POSITIVE_INFINITY : 0)));
    if (total > ZIP_LIMIT || ratio > 200)
      return {
        ok: false,
        message: `${filename} pakt uit tot meer dan een redelijk document (${Math.round(total / 1024 / 1024)} MB). Stuur het als pdf.`,
      };
    kind = { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', exts: ['docx'] };
  }
  if (!kind) return { ok: false, message: `${filename} is geen pdf, afbeelding (png, jpg) of Word-document (docx).` };
  if (!kind.exts.includes(ext))
    return {
      ok: false,
      message: `${filename} is eigenlijk een ${kind.exts[0]}-bestand, maar heet .${ext}. Geef het de juiste naam of stuur een ander bestand.`,
    };
  return { ok: true, contentType: kind.type };
}

// ---------------------------------------------------------------- mail

/** The token in a reply address `reply+<token>@domain`, if the address is one of ours. */
export function replyToken(address: string, domain: string): string | null {
  const m = /^reply\+([A-Za-z0-9_-]{16,40})@(.+)$/i.exec(address.trim());
  return m && m[2]?.toLowerCase() === domain.toLowerCase() ? (m[1] ?? null) : null;
}

/**
 * A reply without the history it quotes: everything from the first line that starts a quote —
 * "Op … schreef …:", "On … wrote:", a line of "-----Original Message-----" or Outlook's "From:"
 * block, or the first "> " line — is cut, as are trailing empty lines.
 */
export function cutQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const starts = [
    /^\s*(Op|On)\s.+(schreef|wrote)\s*.*:\s*$/i,
    /^\s*-{2,}\s*(Oorspronkelijk bericht|Original Message|Forwarded message)\s*-{2,}/i,
    /^\s*(Van|From):\s.+$/,
    /^\s*>/,
    /^_{10,}$/,
  ];
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (starts.some((r) => r.test(lines[i] ?? ''))) {
      end = i;
      break;
    }
  }
  return lines.slice(0, end).join('\n').trim();
}

// ---------------------------------------------------------------- settings

export const FIRST_RESPONSE_SETTING: SettingDefinition = {
  key: 'support_first_response_days',
  label: 'Eerste reactie op een ondersteuningsvraag binnen',
  description:
    'Zoveel werkdagen na de vraag hoort de route een eerste reactie van het team; de adviseur krijgt de dag ervoor een herinnering.',
  unit: 'werkdagen',
  default: 2,
  min: 1,
  max: 20,
};
export const SOLUTION_SETTING: SettingDefinition = {
  key: 'support_solution_days',
  label: 'Ondersteuningsvraag afgerond binnen',
  description: 'Zoveel werkdagen na de vraag hoort zij afgesloten te zijn; de adviseur krijgt twee werkdagen ervoor een herinnering.',
  unit: 'werkdagen',
  default: 10,
  min: 1,
  max: 60,
};
export const UNASSIGNED_SETTING: SettingDefinition = {
  key: 'support_unassigned_days',
  label: 'Melding als een vraag geen adviseur heeft na',
  description: 'Een vraag zonder adviseur na zoveel werkdagen wordt aan het hele team gemaild.',
  unit: 'werkdagen',
  default: 1,
  min: 1,
  max: 10,
};
