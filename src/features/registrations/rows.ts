/**
 * The form names of a step's fields, and the tables of rows (companies, branches) that grow and
 * shrink: how many rows a table has in a set of values, and adding or removing one.
 */
import type { Field } from './steps.ts';

/** A table of rows never grows past this many rows (the form offers no more "add" after it). */
export const MAX_ROWS = 40;

export type RowsField = Extract<Field, { kind: 'rows' }>;

/**
 * How many rows a table has in these values: as many as the values name (saved rows, rows added
 * with "Nog een … toevoegen"), or the rows it starts with (`count`) when there are none yet; at
 * most `MAX_ROWS`.
 */
export function rowCount(field: RowsField, values: Record<string, unknown>): number {
  let n = 0;
  const prefix = `${field.name}_`;
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    const i = Number.parseInt(key.slice(prefix.length), 10);
    if (i > n && field.columns.some((c) => key === `${prefix}${i}_${c.name}`)) n = i;
  }
  return Math.min(n || field.count, MAX_ROWS);
}

/** The flat form names a field uses: one for most, one per cell for rows (as many as the values have). */
export function fieldNames(field: Field, values: Record<string, unknown> = {}): string[] {
  if (field.kind !== 'rows') return [field.name];
  const names: string[] = [];
  for (let i = 1; i <= rowCount(field, values); i++) for (const c of field.columns) names.push(`${field.name}_${i}_${c.name}`);
  return names;
}

/** The values with one empty row more at the end of a table (saved, so the form comes back longer). */
export function addRow(field: RowsField, values: Record<string, string | string[]>): Record<string, string | string[]> {
  const n = rowCount(field, values);
  if (n >= MAX_ROWS) return values;
  const added = Object.fromEntries(field.columns.map((c) => [`${field.name}_${n + 1}_${c.name}`, '']));
  return { ...values, ...added };
}

/** The values without row `row` of a table; the rows after it move up one. */
export function removeRow(field: RowsField, values: Record<string, string | string[]>, row: number): Record<string, string | string[]> {
  const n = rowCount(field, values);
  if (row < 1 || row > n) return values;
  const out = Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith(`${field.name}_`)));
  let to = 1;
  for (let i = 1; i <= n; i++) {
    if (i === row) continue;
    for (const c of field.columns) out[`${field.name}_${to}_${c.name}`] = values[`${field.name}_${i}_${c.name}`] ?? '';
    to++;
  }
  return out;
}
