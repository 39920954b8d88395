/* ratecycle report: draws the uPlot charts of a report page (time series and histograms).
 * Reads the chart specs from <script id="report-data" type="application/json">.
 * Runs offline: uPlot is inlined in the page. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SHADE = { easing: 'rgba(34, 160, 90, 0.10)', tightening: 'rgba(214, 60, 50, 0.09)' };
  window.__charts = [];

  // no "-0.00%": a value that rounds to zero is shown without a sign
  function pct(v) {
    if (v == null || isNaN(v)) return '–';
    var s = (v * 100).toFixed(2);
    return (/^-0\.0*$/.test(s) ? s.slice(1) : s) + '%';
  }
  function num(v) {
    return v == null || isNaN(v) ? '–' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function count(v) {
    return v == null || isNaN(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  }
  function iso(ts) {
    return new Date(ts * 1000).toISOString().slice(0, 10);
  }
  function tickText(unit, v) {
    if (v == null) return '';
    if (unit === 'percent') return +(v * 100).toPrecision(6) + '%';
    return v.toLocaleString('en-US', { maximumFractionDigits: 4 });
  }

  function shadePlugin() {
    return {
      hooks: {
        drawClear: [
          function (u) {
            var ctx = u.ctx;
            ctx.save();
            (data.phases || []).forEach(function (p) {
              var x0 = Math.max(u.bbox.left, u.valToPos(p.from, 'x', true));
              var x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(p.to, 'x', true));
              if (x1 <= x0) return;
              ctx.fillStyle = SHADE[p.kind];
              ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
            });
            ctx.restore();
          },
        ],
      },
    };
  }

  function markerPlugin(times, color) {
    return {
      hooks: {
        draw: [
          function (u) {
            var ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = color;
            ctx.lineWidth = 1;
            ctx.setLineDash([2, 3]);
            times.forEach(function (t) {
              var x = u.valToPos(t, 'x', true);
              if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
            });
            ctx.restore();
          },
        ],
      },
    };
  }

  /** y range fitted to the data (log scales: a few percent beyond the extremes, not whole decades). */
  function fitRange(log) {
    return function (u, min, max) {
      if (min == null || max == null) return [0, 1];
      if (log) return [min / 1.06, max * 1.06];
      var pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 0.01;
      return [min - pad, max + pad];
    };
  }

  function build(spec, width) {
    var fmt = spec.unit === 'percent' ? pct : spec.unit === 'count' ? count : num;
    var xFmt = spec.xUnit === 'percent' ? pct : spec.xUnit === 'number' ? num : iso;
    var series = [{ label: spec.xLabel || 'date', value: function (u, v) { return v == null ? '–' : xFmt(v); } }];
    spec.series.forEach(function (s) {
      var paths;
      if (s.bars) paths = uPlot.paths.bars({ size: [0.92, 100], align: 0 });
      else if (spec.step) paths = uPlot.paths.stepped({ align: 1 });
      series.push({
        label: s.label,
        stroke: s.color,
        width: s.width || 1.5,
        dash: s.dash || undefined,
        spanGaps: !!s.span,
        fill: s.fill || undefined,
        paths: paths,
        points: s.points ? { show: true, size: 7, fill: s.color } : { show: false },
        value: function (u, v) { return fmt(v); },
      });
    });
    var plugins = [];
    if (spec.shade) plugins.push(shadePlugin());
    var marks = spec.markers && (data[spec.markers] || (data.markers && data.markers[spec.markers]));
    if (marks) plugins.push(markerPlugin(marks, numericX ? 'rgba(0, 0, 0, 0.8)' : 'rgba(20, 110, 60, 0.7)'));
    var numericX = spec.xUnit === 'percent' || spec.xUnit === 'number';
    var yScale = spec.log ? { distr: 3, log: 10, range: fitRange(true) } : spec.range ? { range: spec.range } : spec.unit === 'count' ? { range: function (u, min, max) { return [0, (max || 1) * 1.08]; } } : { range: fitRange(false) };
    var opts = {
      width: width,
      height: spec.height || 300,
      plugins: plugins,
      scales: { x: numericX ? { time: false, range: function (u, min, max) { var w = spec.binWidth || (max - min) * 0.04 || 1; return [min - w / 2, max + w / 2]; } } : { time: true }, y: yScale },
      axes: [
        numericX ? { label: spec.xLabel, values: function (u, vals) { return vals.map(function (v) { return tickText(spec.xUnit, v); }); } } : {},
        { label: spec.yLabel, labelSize: 20, size: 64, values: function (u, vals) { return vals.map(function (v) { return tickText(spec.unit === 'count' ? 'number' : spec.unit, v); }); } },
      ],
      series: series,
      cursor: numericX ? {} : { sync: { key: 'ratecycle' } },
      // legend keys show the line style (solid, dashed, dotted) too, so the legend reads in grayscale
      legend: {
        live: true,
        markers: {
          width: 3,
          dash: function (u, i) {
            var d = i > 0 && spec.series[i - 1].dash;
            return !d || spec.series[i - 1].bars ? 'solid' : d[0] <= 3 ? 'dotted' : 'dashed';
          },
        },
      },
    };
    var x = spec.xValues || data.x;
    var cols = [x].concat(spec.series.map(function (s) { return s.values; }));
    var el = document.getElementById('chart-' + spec.id);
    var plot = new uPlot(opts, cols, el);
    plot.__spec = spec;
    window.__charts.push(plot);
    return plot;
  }

  function widthOf(el) {
    return Math.max(280, Math.min(1400, el.clientWidth || 900));
  }

  var plots = (data.charts || []).map(function (spec) {
    var el = document.getElementById('chart-' + spec.id);
    return build(spec, widthOf(el));
  });

  var pending = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      plots.forEach(function (p) {
        var el = document.getElementById('chart-' + p.__spec.id);
        p.setSize({ width: widthOf(el), height: p.__spec.height || 300 });
      });
    });
  });
})();
