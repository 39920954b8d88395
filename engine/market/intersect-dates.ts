/** Dates present in every input (each strictly ascending); returns, per input, the row index of each common date. */
export function intersectDates(all: readonly Int32Array[]): { dates: Int32Array; index: Int32Array[] } {
  const n = all.length;
  const pos = new Array<number>(n).fill(0);
  const dates: number[] = [];
  const index: number[][] = all.map(() => []);
  outer: for (;;) {
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      if (pos[k] >= all[k].length) break outer;
      if (all[k][pos[k]] > max) max = all[k][pos[k]];
    }
    let same = true;
    for (let k = 0; k < n; k++) {
      while (pos[k] < all[k].length && all[k][pos[k]] < max) pos[k]++;
      if (pos[k] >= all[k].length) break outer;
      if (all[k][pos[k]] !== max) same = false;
    }
    if (!same) continue;
    dates.push(max);
    for (let k = 0; k < n; k++) index[k].push(pos[k]++);
  }
  return { dates: Int32Array.from(dates), index: index.map((ix) => Int32Array.from(ix)) };
}
