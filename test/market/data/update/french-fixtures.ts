/**
 * Recorded answers of Kenneth French's data library for the update tests: small CSVs in
 * French's layout (preamble, padded keys, further tables, copyright footer) and the zips the
 * library serves them in, built here so that nothing touches the internet.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A zip of the given files, as Info-ZIP writes one (deflated; `stored` keeps them as they are). */
export function makeZip(files: Record<string, string>, opts: { stored?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'latin1');
    const packed = opts.stored ? data : deflateRawSync(data);
    const crc = crc32(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(opts.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(opts.stored ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    central.push(dir, n);
    offset += 30 + n.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/**
 * A zip written by Info-ZIP 3.0 (`zip -X -j`) of a two-month French factor file, 202401 vintage:
 * an archive made by another program than {@link makeZip}, for the reader to agree with.
 */
export const INFO_ZIP_TINY = Buffer.from(
  'UEsDBBQAAAAIAAAAIViI1yPjpgAAANwAAAASAAAAVGlueV8zX0ZhY3RvcnMuY3N2NY7RCoIwFEDfB/uH+wFzbHOYvSaNoITQfmDlzY1qhU6iv0/N7tPh3AP3npzv4ervCG/bw6VDG7GBofehhegQlFBaSCiq+giNjfZse+SUUMLKW0wqw+pyw3blgVWGkjFOpWQwTs7zdIJEcKlmI3mWzSC41kv722ier2bIeKoXs1b/Np2uFc/Xp/Oti/NDsB1aDAiGg7EPCzY0sMcQMDqoRtdhuDhKvlBLAQIeAxQAAAAIAAAAIViI1yPjpgAAANwAAAASAAAAAAAAAAEAAACkgQAAAABUaW55XzNfRmFjdG9ycy5jc3ZQSwUGAAAAAAEAAQBAAAAA1gAAAAAA',
  'base64',
);

const cell = (x: number) => x.toFixed(2).padStart(8);
const CRLF = '\r\n';

/**
 * A monthly 3-factor file in French's layout: the vintage line, a note, a blank line, the
 * header `,Mkt-RF,SMB,HML,RF`, rows keyed YYYYMM (padded like the regional files), a blank
 * line, the annual block, the copyright line. `header` replaces the header (a changed layout).
 */
export function factorsCsv(vintage: string, rows: [string, number[]][], header = ',Mkt-RF,SMB,HML,RF'): string {
  const lines = [
    `This file was created using the ${vintage} CRSP database.`,
    'The 1-month TBill rate data until 202405 are from Ibbotson Associates.',
    '',
    header,
    ...rows.map(([k, v]) => `${k}    ,${v.map(cell).join(',')}`),
    '',
    ' Annual Factors: January-December ',
    header,
    `  ${rows[0][0].slice(0, 4)},${rows[0][1].map((x) => cell(x * 3)).join(',')}`,
    '',
    `Copyright ${vintage.slice(0, 4)} Eugene F. Fama and Kenneth R. French`,
    '',
  ];
  return lines.join(CRLF);
}

/** A daily factor file: rows keyed YYYYMMDD, RF with the daily file's two decimals. */
export function dailyCsv(vintage: string, rows: [string, number[]][]): string {
  return [
    `This file was created by using the ${vintage} CRSP database.`,
    'The Tbill return is the simple daily rate that, over the number of trading days',
    'compounds to 1-month TBill rate.',
    '',
    ',Mkt-RF,SMB,HML,RF',
    ...rows.map(([k, v]) => `${k},${v.map(cell).join(',')}`),
    '',
    `Copyright ${vintage.slice(0, 4)} Eugene F. Fama and Kenneth R. French`,
    '',
  ].join(CRLF);
}

/**
 * A size-portfolio file in French's layout: value-weighted monthly returns, then equal-weighted
 * ones, then the number of firms, each table under its title; `<= 0` is always missing
 * (−99.99), as in French's file. `vw` and `ew` give Lo 30, Med 40, Hi 30 per month.
 */
export function portfoliosCsv(vintage: string, vw: [string, number[]][], ew: [string, number[]][], vwTitle = 'Average Value Weight Returns -- Monthly'): string {
  const table = (title: string, rows: [string, number[]][]) => [
    '',
    '',
    `  ${title}`,
    ',<= 0,Lo 30,Med 40,Hi 30',
    ...rows.map(([k, v]) => `${k},${cell(-99.99)},${v.map(cell).join(',')}`),
  ];
  return [
    `This file was created using the ${vintage} CRSP database.  It contains`,
    'value- and equal-weighted returns for size portfolios.  Each record contains returns for:',
    '',
    'Negative (not used)  30%  40%  30%',
    '',
    'Missing data are indicated by -99.99 or -999.',
    ...table(vwTitle, vw),
    ...table('Average Equal Weighted Returns -- Monthly', ew),
    ...table('Number of Firms in Portfolios', vw.map(([k]) => [k, [1500, 800, 500]])),
    '',
    `Copyright ${vintage.slice(0, 4)} Eugene F. Fama and Kenneth R. French`,
    '',
  ].join(CRLF);
}
