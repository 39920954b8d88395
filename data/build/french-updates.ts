/**
 * The update source of every shipped series taken from Kenneth R. French's data library, for
 * `ratecycle data update` (see engine/market/data/update): the zip, the table and the column (or
 * the weighted sum of columns of the regional synthetic legs), converted as this build does.
 * Left out: `cash` (the shipped history keeps the 202408 vintage's three decimals, which French
 * now prints with two) and the `bm_*` series (built from several tables).
 */
import type { FrenchUpdate } from '../../engine/core/types.js';

const at = (id: string, column: string, table?: string): FrenchUpdate => ({ source: 'french', id, ...(table ? { table } : {}), column });

const SIZE = 'Portfolios_Formed_on_ME';
const SIZE_TABLE = 'Average Value Weight Returns -- Monthly';
const SIX = '6_Portfolios_2x3';
const SIX_TABLE = 'Average Value Weighted Returns -- Monthly';
const FIVE: Record<string, string> = { mkt_rf: 'Mkt-RF', smb: 'SMB', hml: 'HML', rmw: 'RMW', cma: 'CMA', rf: 'RF' };
const REGIONS: Record<string, string> = {
  europe: 'Europe_3_Factors',
  japan: 'Japan_3_Factors',
  apxj: 'Asia_Pacific_ex_Japan_3_Factors',
  na: 'North_America_5_Factors',
  developed: 'Developed_3_Factors',
};
const DECILES = ['Lo 10', '2-Dec', '3-Dec', '4-Dec', '5-Dec', '6-Dec', '7-Dec', '8-Dec', '9-Dec', 'Hi 10'];

export const FRENCH_UPDATES: Record<string, FrenchUpdate> = {
  ff_small: at(SIZE, 'Lo 30', SIZE_TABLE),
  ff_mid: at(SIZE, 'Med 40', SIZE_TABLE),
  ff_large: at(SIZE, 'Hi 30', SIZE_TABLE),
  ...Object.fromEntries(DECILES.map((c, i) => [`ff_d${i + 1}`, at(SIZE, c, SIZE_TABLE)])),
  ff_small_lobm: at(SIX, 'SMALL LoBM', SIX_TABLE),
  ff_small_midbm: at(SIX, 'ME1 BM2', SIX_TABLE),
  ff_small_hibm: at(SIX, 'SMALL HiBM', SIX_TABLE),
  ff_big_lobm: at(SIX, 'BIG LoBM', SIX_TABLE),
  ff_big_midbm: at(SIX, 'ME2 BM2', SIX_TABLE),
  ff_big_hibm: at(SIX, 'BIG HiBM', SIX_TABLE),
  ...Object.fromEntries(Object.entries(FIVE).map(([k, c]) => [`ff5_${k}`, at('F-F_Research_Data_5_Factors_2x3', c)])),
  ...Object.fromEntries(Object.entries(FIVE).map(([k, c]) => [`ff5_${k}_daily`, at('F-F_Research_Data_5_Factors_2x3_daily', c)])),
  ff_mom: at('F-F_Momentum_Factor', 'Mom'),
  ff_mom_daily: at('F-F_Momentum_Factor_daily', 'Mom'),
  ...Object.fromEntries(
    Object.entries(REGIONS).flatMap(([r, zip]) => [
      ...['mkt_rf', 'smb', 'hml', 'rf'].map((k) => [`${r}_${k}`, at(zip, FIVE[k])]),
      [`${r}_small`, { source: 'french', id: zip, sum: { RF: 1, 'Mkt-RF': 1, SMB: 0.5 } } satisfies FrenchUpdate],
      [`${r}_large`, { source: 'french', id: zip, sum: { RF: 1, 'Mkt-RF': 1, SMB: -0.5 } } satisfies FrenchUpdate],
    ]),
  ),
};
