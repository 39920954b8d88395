import { isoDay } from '../../core/dates.js';
import type { NowInput } from '../../formats/now-folder.js';
import { pctText } from '../claims/format.js';
import { FEATURES } from './features.js';
import type { NowInputs } from './load-inputs.js';
import type { StateAt } from './state-at.js';

const iso = (d: number) => (Number.isFinite(d) ? isoDay(d) : '');
const month = (d: number) => iso(d).slice(0, 7);
const weightOf = (id: string) => FEATURES.find((f) => f.id === id)?.weight ?? 0;
const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '–');
/** A signed number with d decimals ("+0.60", "−0.5"; no sign on a value that rounds to 0). */
function signed(x: number, d: number): string {
  if (!Number.isFinite(x)) return '–';
  const v = Math.abs(x).toFixed(d);
  return `${Number(v) === 0 ? '' : x > 0 ? '+' : '−'}${v}`;
}

/** The state's inputs as rows (value, dates, age, staleness), and one sentence per stale source. */
export interface StateTable {
  rows: NowInput[];
  stale: string[];
}

/**
 * The state at the as-of date as a table: the Fed (phase, months since the cycle's first move,
 * moves so far and their pace, months since the last move, the policy rate), the ISM (level, 3-month
 * change, months below 50; first releases where the catalog has them), bm_spread and its percentile,
 * the curve and the trailing 12-month spread — each with the date it describes, the day it became
 * known, its age at the as-of date and whether it is older than its series' staleness limit. A stale
 * source is named once in `stale`, however many inputs come from it.
 */
export function stateTable(s: StateAt, inputs: NowInputs, asOf: number): StateTable {
  const f = s.fed;
  const easing = f.direction === 'easing';
  const moveWord = easing ? 'cut' : 'hike';
  const rows: NowInput[] = [];
  const stale: string[] = [];
  const add = (r: Omit<NowInput, 'ageDays' | 'stale' | 'limitDays' | 'weight' | 'known'> & { knownDay: number; limitDays?: number; weightOf?: string }) => {
    const ageDays = Number.isFinite(r.knownDay) ? asOf - r.knownDay : NaN;
    const limitDays = r.limitDays ?? NaN;
    rows.push({
      id: r.id,
      label: r.label,
      value: r.value,
      text: r.text,
      unit: r.unit,
      date: r.date,
      known: iso(r.knownDay),
      ageDays,
      stale: ageDays > limitDays,
      limitDays,
      weight: weightOf(r.weightOf ?? r.id),
      note: r.note,
    });
  };
  const pace = Number.isFinite(f.cycleMonths) && f.cycleMonths > 0 ? Math.abs(f.changeBp) / f.cycleMonths : NaN;
  add({
    id: 'fed_phase',
    label: 'Fed phase',
    value: NaN,
    text: f.phase,
    unit: '',
    date: iso(f.lastMove),
    knownDay: f.lastMove,
    note: `latest cycle: ${f.direction} since ${iso(f.cycleStart)} (cycle ${f.cycleId}); hold after 183 days without a move in its direction; analogues share the cycle's direction`,
  });
  add({
    id: 'cycle_months',
    label: `months since the first ${moveWord} of the cycle`,
    value: f.cycleMonths,
    text: `${fixed(f.cycleMonths, 1)} months`,
    unit: 'months',
    date: iso(f.cycleStart),
    knownDay: f.cycleStart,
    note: `first ${moveWord} ${iso(f.cycleStart)}`,
  });
  add({
    id: 'cycle_change',
    label: `${moveWord}s so far and their pace`,
    value: f.changeBp,
    text: `${f.cycleMoves} ${moveWord}${f.cycleMoves === 1 ? '' : 's'}, ${signed(f.changeBp, 0)} bp (${fixed(pace, 0)} bp a month)`,
    unit: 'basis points',
    date: iso(f.lastMove),
    knownDay: f.lastMove,
    note: 'net change of the policy rate since the cycle began',
  });
  add({
    id: 'since_move',
    label: 'months since the last move',
    value: f.monthsSinceMove,
    text: `${fixed(f.monthsSinceMove, 1)} months`,
    unit: 'months',
    date: iso(f.lastMove),
    knownDay: f.lastMove,
    note: `last move ${iso(f.lastMove)}`,
  });
  const target = asOf >= inputs.decisionsFrom;
  add({
    id: 'policy_rate',
    label: 'policy rate',
    value: s.rate.value,
    text: `${fixed(s.rate.value, 2)} %`,
    unit: 'percent per year',
    date: iso(s.rate.date),
    knownDay: s.rate.known,
    note: target
      ? `FOMC target (upper bound of the range since 2008-12-16), set ${iso(s.rate.date)}`
      : 'effective federal funds rate (before the FOMC decisions table)',
  });
  const ism = s.ism;
  if (ism) {
    const firstRelease =
      inputs.ismFirstRelease !== undefined && ism.date >= inputs.ismFirstRelease ? 'first release' : 'revised value (first releases start later)';
    const limitDays = inputs.ism?.maxStaleDays;
    add({
      id: 'ism',
      label: 'ISM manufacturing PMI',
      value: ism.value,
      text: fixed(ism.value, 1),
      unit: 'index',
      date: month(ism.date),
      knownDay: ism.known,
      limitDays,
      note: `reading for ${month(ism.date)}, ${firstRelease}`,
    });
    add({
      id: 'ism_change3',
      label: 'ISM change over 3 months',
      value: ism.change3,
      text: signed(ism.change3, 1),
      unit: 'index points',
      date: month(ism.date),
      knownDay: ism.known,
      limitDays,
      note: 'latest reading minus the reading three months before it',
    });
    add({
      id: 'ism_below',
      label: 'months the ISM has been below 50',
      value: ism.below,
      text: `${fixed(ism.below, 0)}`,
      unit: 'months',
      date: month(ism.date),
      knownDay: ism.known,
      limitDays,
      note: 'readings in a row below 50 up to the latest',
    });
    if (ism.known + (limitDays ?? Infinity) < asOf)
      stale.push(
        `ism_pmi: the latest reading known (${month(ism.date)}, released ${iso(ism.known)}) is ${asOf - ism.known} days old at ${iso(asOf)}, beyond its ${limitDays}-day limit; used as it is`,
      );
  }
  const bm = s.bm;
  if (bm) {
    const limitDays = inputs.bm?.maxStaleDays;
    add({
      id: 'bm_spread',
      label: 'bm_spread (book-to-market, small − large)',
      value: bm.value,
      text: `${fixed(bm.value, 2)} (percentile ${fixed(bm.percentile * 100, 0)} of its history)`,
      unit: 'ratio difference',
      date: month(bm.date),
      knownDay: bm.known,
      limitDays,
      note: `valuation of ${month(bm.date)}; its percentile among every value known then since ${month(inputs.bm!.dates[0])}`,
    });
    if (bm.known + (limitDays ?? Infinity) < asOf)
      stale.push(
        `bm_spread: the latest value known (${month(bm.date)}, known ${iso(bm.known)}) is ${asOf - bm.known} days old at ${iso(asOf)}, beyond its ${limitDays}-day limit; used as it is`,
      );
  }
  const c = s.curve;
  if (c) {
    const limitDays = inputs.curve?.maxStaleDays;
    add({
      id: 't10y2y',
      label: '10-year − 2-year Treasury yield',
      value: c.value,
      text: Number.isFinite(c.value) ? `${signed(c.value, 2)} points` : '–',
      unit: 'percentage points',
      date: iso(c.date),
      knownDay: c.known,
      limitDays,
      note: Number.isFinite(c.value) ? '' : 'not known yet at this date (the series starts later)',
    });
    if (c.known + (limitDays ?? Infinity) < asOf)
      stale.push(
        `t10y2y: the latest value known (${iso(c.date)}) is ${asOf - c.known} days old at ${iso(asOf)}, beyond its ${limitDays}-day limit; used as it is`,
      );
  }
  const t = s.trailing;
  add({
    id: 'trailing12',
    label: 'small − large over the last 12 months',
    value: t.value,
    text: pctText(t.value),
    unit: 'fraction',
    date: iso(t.to),
    knownDay: t.to,
    limitDays: 62,
    note: `month end ${month(t.from)} to month end ${month(t.to)}, ${inputs.universe.id}`,
  });
  if (t.to + 62 < asOf) stale.push(`${inputs.universe.id}: its last month end (${iso(t.to)}) is ${asOf - t.to} days before ${iso(asOf)}`);
  return { rows, stale };
}
