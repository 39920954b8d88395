import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../engine/core/paths.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { svgDefs } from './styles.js';

const require = createRequire(import.meta.url);
let assets: { js: string; css: string; client: string } | undefined;

/** uPlot's script and stylesheet and the report's own chart script, read once. */
function loadAssets() {
  if (!assets) {
    assets = {
      js: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
      css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
      client: readFileSync(join(packageRoot(), 'reports', 'assets', 'report-client.js'), 'utf8'),
    };
  }
  return assets;
}

const CSS = `
:root { --fg: #1d2330; --muted: #5f6b7a; --line: #e3e7ee; --bg: #ffffff; --soft: #f6f8fb; --accent: #1f5fbf; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--soft); color: var(--fg); font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 60px; }
header.top { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin-bottom: 18px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 0 0 10px; }
section { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 18px; overflow-x: auto; }
p.how { color: var(--muted); margin: 6px 0 0; font-size: 12.5px; }
p.lead { margin: 4px 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: break-word; hyphens: none; }
dl.meta dd.code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; overflow-wrap: anywhere; }
h3 { font-size: 14px; margin: 12px 0 6px; }
.muted { color: var(--muted); font-weight: normal; }
.sticky-first th:first-child, .sticky-first td:first-child { position: sticky; left: 0; background: var(--bg); z-index: 1; box-shadow: 1px 0 0 var(--line); }
.sticky-first thead th:first-child { background: var(--soft); z-index: 2; }
.verdict .call { font-size: 16px; margin: 0 0 6px; }
.verdict ul { margin: 4px 0; padding-left: 18px; } .verdict li { margin: 3px 0; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
.charts-full > div { margin: 0 0 18px; } .charts-full svg.svg-chart { max-width: 860px; } .charts-full svg.svg-chart text { font-size: 12px; }
ol.answers { margin: 6px 0 10px; padding-left: 22px; } ol.answers > li { margin: 0 0 10px; line-height: 1.5; } ol.answers ul { margin: 4px 0 0; padding-left: 18px; } ol.answers ul li { margin: 0 0 4px; } ol.answers li.pos { color: inherit; } ol.answers li.pos::marker { color: #1a7f37; }
table.claim-detail { width: auto; } table.claim-detail td:first-child { white-space: normal; min-width: 9em; max-width: 13em; } table.claim-detail td.ahead { white-space: normal; min-width: 240px; max-width: 320px; }
ul.words { padding-left: 18px; font-size: 13px; } ul.words li { margin: 0 0 6px; }
td.primary { outline: 2px solid #1f5fbf; outline-offset: -2px; } tr.detail td { color: var(--muted); }
.box-panels { display: flex; flex-wrap: wrap; gap: 8px; } .box-panels svg { flex: 1 1 280px; max-width: 420px; }
svg.svg-chart { width: 100%; height: auto; display: block; }
svg .axis-label { font-size: 12px; fill: var(--fg); }
svg .point-label { font-size: 11.5px; fill: var(--fg); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.u-legend { font-size: 12px; }
main.wide { max-width: 1440px; padding: 18px 12px 60px; }
table.compact th, table.compact td { padding: 3px 6px; }
#compare-metrics th { white-space: normal; min-width: 84px; max-width: 150px; vertical-align: bottom; }
td .delta { display: block; font-size: 11px; color: var(--muted); }
td .delta.better { color: #17733a; } td .delta.worse { color: #b3261e; }
th.hold, td.hold { color: var(--muted); background: #fafbfc; }
.legend-table { margin-top: 10px; font-size: 12.5px; width: auto; } .legend-table th, .legend-table td { text-align: left; } .legend-table td.params { white-space: normal; max-width: 420px; }
.table-wrap { overflow-x: auto; }
#sweep-overfitting td { white-space: normal; }
table.corr { width: auto; } table.corr td { min-width: 56px; } table.corr td:first-child { text-align: left; } .u-legend .u-marker { width: 26px; height: 11px; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--soft); position: sticky; top: 0; }
td.best { background: #e3f4e8; font-weight: 600; }
td.pos { color: #17733a; } td.neg { color: #b3261e; }
.heat td { text-align: center; min-width: 52px; font-size: 12px; }
.chart { width: 100%; min-height: 120px; }
.note { background: #fff6e0; border: 1px solid #f0d48a; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.legend-phases span { display: inline-block; padding: 0 8px; margin-right: 8px; border-radius: 3px; font-size: 12px; }
details summary { cursor: pointer; color: var(--accent); margin: 6px 0; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; } .grid2 > * { min-width: 0; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
svg text { font-size: 11px; fill: var(--muted); }
`;

/** The self-contained page: inlined uPlot, styles, the data block and the chart script. */
export function page(title: string, body: string, data: unknown, opts: { wide?: boolean } = {}): string {
  const a = loadAssets();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${a.css}</style>
<style>${CSS}</style>
</head>
<body>
<main${opts.wide ? ' class="wide"' : ''}>
${svgDefs()}
${body}
</main>
<script id="report-data" type="application/json">${jsonForScript(data)}</script>
<script>${a.js}</script>
<script>${a.client}</script>
</body>
</html>
`;
}

/** A chart placeholder with its title and a one-line "how to read". */
export function chartSection(id: string, title: string, how: string, extra = ''): string {
  return `<section><h2>${escapeHtml(title)}</h2>${extra}<div class="chart" id="chart-${escapeHtml(id)}"></div><p class="how">${escapeHtml(how)}</p></section>`;
}

/** Legend of the phase shading. */
export const PHASE_LEGEND =
  '<p class="legend-phases"><span style="background:rgba(34,160,90,0.18)">easing phase</span><span style="background:rgba(214,60,50,0.16)">tightening phase</span>unshaded: hold</p>';
