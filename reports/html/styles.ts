/**
 * Colours, dash patterns and SVG fills of the report's series. Each series differs in more than
 * colour (line dash, bar fill pattern, marker shape), so the charts read in grayscale too.
 */
export const PALETTE = ['#1f5fbf', '#d55e00', '#4d4d4d', '#009e73', '#cc79a7', '#8e5ea2', '#b8860b', '#17becf', '#7f7f7f', '#3b8b3b'];

/** uPlot dash patterns (canvas setLineDash), one per series index: solid, dashed, dotted, dash-dot, … */
export const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 4], [1, 4], [6, 2, 1, 2], [16, 4], [3, 6]];

/** Marker shapes of a scatter, one per series index. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus', 'star', 'circle-open', 'square-open', 'triangle-open'] as const;

/** Style of series i: colour, dash, SVG fill (solid, hatched, dotted or open) and marker. */
export function styleOf(i: number): { color: string; dash: number[] | undefined; fill: string; marker: (typeof MARKERS)[number] } {
  const k = i % PALETTE.length;
  const pattern = ['', 'hatch', 'dots', 'cross'][i % 4];
  return { color: PALETTE[k], dash: DASHES[k], fill: pattern ? `url(#fill-${pattern}-${k})` : PALETTE[k], marker: MARKERS[k] };
}

/** SVG <defs> with the hatched, dotted and cross-hatched fills of every palette colour. */
export function svgDefs(): string {
  const defs = PALETTE.map(
    (c, k) =>
      `<pattern id="fill-hatch-${k}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${c}" opacity="0.25"/><line x1="0" y1="0" x2="0" y2="6" stroke="${c}" stroke-width="3"/></pattern>` +
      `<pattern id="fill-dots-${k}" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="${c}" opacity="0.18"/><circle cx="2.5" cy="2.5" r="1.4" fill="${c}"/></pattern>` +
      `<pattern id="fill-cross-${k}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${c}" opacity="0.2"/><path d="M0 0L6 6M6 0L0 6" stroke="${c}" stroke-width="1.2"/></pattern>`,
  );
  return `<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>${defs.join('')}</defs></svg>`;
}
