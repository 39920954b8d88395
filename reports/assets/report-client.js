/* ratecycle report: draws the time-series charts of a report page with uPlot.
 * Reads the chart specs from <script id="report-data" type="application/json">.
 * Runs offline: uPlot is inlined in the page. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SHADE = { easing: 'rgba(34, 160, 90, 0.10)', tightening: 'rgba(214, 60, 50, 0.09)' };
  window.__charts = [];

  function pct(v) {
    return v == null || isNaN(v) ? '–' : (v * 100).toFixed(2) + '%';
  }
  function num(v) {
    return v == null || isNaN(v) ? '–' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function iso(ts) {
    return new Date(ts * 1000).toISOString().slice(0, 10);
  }

  function shadePlugin() {
    return {
      hooks: {
        drawClear: [
          function (u) {
            var ctx = u.ctx;
            var top = u.bbox.top;
            var h = u.bbox.height;
            ctx.save();
            (data.phases || []).forEach(function (p) {
              var x0 = Math.max(u.bbox.left, u.valToPos(p.from, 'x', true));
              var x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(p.to, 'x', true));
              if (x1 <= x0) return;
              ctx.fillStyle = SHADE[p.kind];
              ctx.fillRect(x0, top, x1 - x0, h);
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

  function build(spec, width) {
    var fmt = spec.unit === 'percent' ? pct : num;
    var series = [{ value: function (u, v) { return v == null ? '–' : iso(v); } }];
    spec.series.forEach(function (s) {
      series.push({
        label: s.label,
        stroke: s.color,
        width: s.width || 1.5,
        fill: s.fill || undefined,
        paths: spec.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
        value: function (u, v) { return fmt(v); },
      });
    });
    var plugins = [];
    if (spec.shade) plugins.push(shadePlugin());
    if (spec.markers && data[spec.markers]) plugins.push(markerPlugin(data[spec.markers], 'rgba(20, 110, 60, 0.7)'));
    var opts = {
      width: width,
      height: spec.height || 300,
      plugins: plugins,
      scales: { x: { time: true }, y: spec.log ? { distr: 3 } : spec.range ? { range: spec.range } : {} },
      axes: [
        {},
        { values: function (u, vals) { return vals.map(function (v) { return v == null ? '' : spec.unit === 'percent' ? (v * 100).toFixed(0) + '%' : v.toLocaleString('en-US'); }); }, size: 60 },
      ],
      series: series,
      cursor: { sync: { key: 'ratecycle' } },
      legend: { live: true },
    };
    var x = spec.x ? data.xs[spec.x] : data.x;
    var cols = [x].concat(spec.series.map(function (s) { return s.values; }));
    var el = document.getElementById('chart-' + spec.id);
    var plot = new uPlot(opts, cols, el);
    plot.__spec = spec;
    window.__charts.push(plot);
    return plot;
  }

  function widthOf(el) {
    return Math.max(320, Math.min(1100, el.clientWidth || 900));
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
