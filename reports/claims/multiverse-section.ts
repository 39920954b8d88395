import type { ClaimsReport, Multiverse, SpecRow } from '../../engine/formats/claims-folder.js';
import { escapeHtml } from '../html/escape.js';
import { niceTicks } from '../html/svg-chart.js';
import { pointsText, pValueText } from './points-text.js';

/** The specification curve: each specification's excess and interval, sorted, above the matrix of its choices. */
function curveChart(m: Multiverse): string {
  const specs = m.specs;
  const rowsOf = Object.entries(m.choices).flatMap(([dim, opts]) => opts.map((o) => ({ dim: dim as keyof SpecRow, id: o.id, label: o.label })));
  const W = 1100,
    L = 300,
    R = W - 10,
    top = 10,
    plotH = 220,
    rowH = 13,
    gap = 24;
  const matrixTop = top + plotH + gap;
  const H = matrixTop + rowsOf.length * rowH + 10;
  const finite = specs.filter((s) => Number.isFinite(s.ciLow) && Number.isFinite(s.ciHigh));
  const ticks = niceTicks(Math.min(0, ...finite.map((s) => s.ciLow)), Math.max(0, ...finite.map((s) => s.ciHigh)), 6);
  const lo = ticks[0],
    hi = ticks[ticks.length - 1];
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * plotH;
  const x = (i: number) => L + ((i + 0.5) / specs.length) * (R - L);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${L}" x2="${R}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${t === 0 ? '#666' : '#e3e7ee'}"/><text x="${L - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${pointsText(t)}</text>`,
    )
    .join('');
  const marks = specs
    .map((s, i) => {
      if (!Number.isFinite(s.excess)) return '';
      const colour = s.p < 0.05 ? (s.excess > 0 ? '#2b8a3e' : '#c8473d') : '#5f6b7a';
      const title = `${m.claim === 3 ? `${s.event}, ` : ''}${s.index}, ${s.rule}, ${s.sample}, ${s.entry}, ${s.horizon} m: ${pointsText(s.excess)} points over random dates (95 % CI ${pointsText(s.ciLow)} to ${pointsText(s.ciHigh)}), p ${pValueText(s.p)}, ${s.n} ${eventWord(m)} in ${s.groups} groups`;
      return `<g data-src="multiverse.csv:${i + 1}:excess" data-v="${s.excess}"><title>${escapeHtml(title)}</title><line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${y(s.ciHigh).toFixed(1)}" y2="${y(s.ciLow).toFixed(1)}" stroke="${colour}" stroke-opacity="0.45"/><circle cx="${x(i).toFixed(1)}" cy="${y(s.excess).toFixed(1)}" r="2.6" fill="${colour}"/></g>`;
    })
    .join('');
  const matrix = rowsOf
    .map((r, k) => {
      const yy = matrixTop + k * rowH;
      const dots = specs
        .map((s, i) =>
          String(s[r.dim]) === r.id
            ? `<rect x="${(x(i) - 2.5).toFixed(1)}" y="${yy + 2}" width="5" height="${rowH - 4}" fill="${Number.isFinite(s.excess) ? '#1f5fbf' : '#c5ccd6'}"/>`
            : '',
        )
        .join('');
      return `<text x="${L - 6}" y="${yy + rowH - 3}" text-anchor="end" class="point-label">${escapeHtml(r.label)}</text>${dots}`;
    })
    .join('');
  return `<svg class="svg-chart" id="multiverse-chart${m.claim === 1 ? '' : `-${m.claim}`}" viewBox="0 0 ${W} ${H}" role="img" aria-label="specification curve of claim ${m.claim}">${grid}${marks}<text class="axis-label" x="${L - 52}" y="${top + plotH / 2}" transform="rotate(-90 ${L - 52} ${top + plotH / 2})" text-anchor="middle">points over random dates</text>${matrix}</svg>`;
}

/** What a curve's events are called. */
const eventWord = (m: Multiverse) => (m.claim === 1 ? 'first cuts' : 'cuts');

/** The specification-curve sections of claims.html, one per claim ('' when the report has none). */
export function multiverseSection(report: Pick<ClaimsReport, 'multiverse'>): string {
  return (report.multiverse ?? []).map(curveSection).join('\n');
}

function curveSection(m: Multiverse): string {
  const sentence = multiverseSentence(m);
  const j = m.joint;
  const what = m.claim === 1 ? 'first cuts' : 'every cut, or the later cuts after a pause of 91 days or more (the event is a choice of its own)';
  return `<section id="multiverse${m.claim === 1 ? '' : `-${m.claim}`}"><h2>How much the answer to claim ${m.claim} depends on its definition</h2>
<p class="call">${escapeHtml(sentence)}</p>
${curveChart(m)}
<p class="how">Each dot is one specification: the mean small − large after its events (${escapeHtml(what)}) minus the mean after every eligible entry date, with its rotation-placebo 95 % interval (green or red: p &lt; 0.05 on its own, grey otherwise), sorted; the matrix below marks its choices (grey: too few events to test). Choices: the index family, the rule that dates a turn (confirmed after 0.25 or 0.50 points), the sample (every event since 1954, the FOMC era only, without 1979–82; Fama/French only), the entry (one month before, at, or one month after the decision) and the horizon. Null of the joint test: the events are no better than random dates in every specification at once; every specification's events are shifted by the same number of calendar days (${j.draws.toLocaleString('en-US')} shifts, wrapping inside each one's window), which keeps the dependence between specifications that share events, and the median excess and the share of positive ones are compared with their shifted distributions (two-sided). Simonsohn, Simmons &amp; Nelson (2020). Every specification is in multiverse.csv.</p></section>`;
}

/** The specification curve in one sentence: specifications tested, median excess and share positive with their joint p, and how many are significant on their own. */
export function multiverseSentence(m: Multiverse): string {
  const j = m.joint;
  const untested = m.specs.length - j.specs;
  return `Claim ${m.claim} under ${m.specs.length} definitions: across the ${j.specs} that could be tested${untested ? ` (${untested} more had too few ${eventWord(m)})` : ''}, the median excess of small − large over random dates is ${pointsText(j.medianExcess)} points (joint p ${pValueText(j.shareMedianP)}), ${Math.round(j.sharePositive * 100)} % are positive (joint p ${pValueText(j.sharePositiveP)}), and ${j.significantPositive} ${j.significantPositive === 1 ? 'is' : 'are'} significantly positive and ${j.significantNegative} significantly negative at 5 % on their own.`;
}
