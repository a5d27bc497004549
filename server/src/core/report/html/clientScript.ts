/**
 * The report's only script besides chart.js: draws the four charts from the embedded data and
 * filters the flag table. Plain ES2017, no modules, no network. The Chart instances are kept on
 * `window.flaglintCharts` (by name) so a test can read what they plot.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('flaglint-data').textContent);
  var charts = {};
  var BLUE = '#3d6fd6', RED = '#c8363d', GREY = '#8a8f98';
  var STATUS_COLOURS = { proposed: '#9aa7c7', active: BLUE, 'rolled-out': '#2f9e6b', deprecated: '#d98b2b', archived: GREY, unregistered: RED };
  function bar(name, series, options) {
    var canvas = document.getElementById('chart-' + name);
    if (!canvas || typeof Chart === 'undefined' || series.labels.length === 0) return;
    var horizontal = !!options.horizontal;
    var valueAxis = {};
    valueAxis[horizontal ? 'x' : 'y'] = { beginAtZero: true, ticks: { precision: 0 } };
    charts[name] = new Chart(canvas, {
      type: 'bar',
      data: { labels: series.labels, datasets: [{ label: options.label, data: series.values, backgroundColor: options.colours || BLUE }] },
      options: { indexAxis: horizontal ? 'y' : 'x', animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: valueAxis },
    });
  }
  bar('owner', data.byOwner, { label: 'Flags', horizontal: true });
  bar('status', data.byStatus, { label: 'Flags', colours: data.byStatus.labels.map(function (s) { return STATUS_COLOURS[s] || GREY; }) });
  bar('age', data.age, { label: 'Flags' });
  bar('expiry', data.expiry, { label: 'Expiring', colours: data.expiry.past.map(function (p) { return p ? RED : BLUE; }) });
  window.flaglintCharts = charts;

  var input = document.getElementById('filter');
  var status = document.getElementById('status-filter');
  var count = document.getElementById('filter-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.flag-row'));
  function apply() {
    var q = input.value.trim().toLowerCase();
    var s = status.value;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!q || row.getAttribute('data-search').indexOf(q) >= 0) && (!s || row.getAttribute('data-status') === s);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' flags';
  }
  input.addEventListener('input', apply);
  status.addEventListener('change', apply);
  apply();
})();`;
