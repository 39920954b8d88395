import { join } from 'node:path';
import { DataError } from '../../core/errors.js';
import type { CatalogEntry, FomcDecision } from '../../core/types.js';
import { columnIndex, readCsv } from './read-csv.js';
import { displayPath, parseDateColumn, parseValueColumn } from './load-series.js';
import { parseIsoDay } from '../../core/dates.js';

const TYPES = new Set(['meeting', 'unscheduled', 'inter-meeting']);

/** Loads the FOMC decision table (`date,previous,target,change_bp,type,effective`). */
export function loadFomc(entry: CatalogEntry, dir: string): { decisions: FomcDecision[]; hash: string } {
  const table = readCsv(join(dir, entry.file), displayPath(join(dir, entry.file)));
  if (table.rows.length === 0) throw new DataError(table.file, undefined, undefined, 'has a header but no decisions');
  const dates = parseDateColumn(table);
  const previous = parseValueColumn(table, 'previous');
  const target = parseValueColumn(table, 'target');
  const change = parseValueColumn(table, 'change_bp');
  const typeCol = columnIndex(table, 'type');
  const effCol = table.header.indexOf('effective');
  const decisions: FomcDecision[] = [];
  for (let i = 0; i < dates.length; i++) {
    const type = table.rows[i][typeCol];
    if (!TYPES.has(type)) throw new DataError(table.file, table.lines[i], 'type', `"${type}" must be one of ${[...TYPES].join(', ')}`);
    const expected = Math.round((target[i] - previous[i]) * 10000) / 100;
    if (Math.abs(expected - change[i]) > 0.01) {
      throw new DataError(table.file, table.lines[i], 'change_bp', `${change[i]} does not equal (target − previous) × 100 = ${expected}`);
    }
    let effective = dates[i];
    if (effCol >= 0 && table.rows[i][effCol] !== '') {
      effective = parseIsoDay(table.rows[i][effCol]);
      if (Number.isNaN(effective) || effective < dates[i]) {
        throw new DataError(table.file, table.lines[i], 'effective', `"${table.rows[i][effCol]}" must be an ISO date on or after the decision date`);
      }
    }
    decisions.push({ date: dates[i], previous: previous[i], target: target[i], changeBp: change[i], type: type as FomcDecision['type'], effective });
  }
  return { decisions, hash: table.hash };
}
