/** The report's styles, inline (the file must stand alone); light and dark follow the reader's setting. */
export const STYLES = `
:root { --fg: #1d2330; --muted: #5d6575; --bg: #fff; --card: #f5f7fa; --line: #dde2ea; --accent: #3d6fd6; --red: #c8363d; --amber: #b7791f; }
@media (prefers-color-scheme: dark) { :root { --fg: #e4e7ee; --muted: #9aa3b5; --bg: #161a22; --card: #1f2430; --line: #323a4a; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
.meta { color: var(--muted); margin: 0 0 20px; }
.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 10px; }
.total { background: var(--card); border-radius: 8px; padding: 10px 14px; }
.total .n { display: block; font-size: 24px; font-weight: 600; } .total .what { color: var(--muted); font-size: 12px; }
.total.bad .n { color: var(--red); } .total.warn .n { color: var(--amber); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 16px; }
.chart { background: var(--card); border-radius: 8px; padding: 12px 14px; }
.chart h3 { font-size: 14px; margin: 0 0 8px; } .chart .box { position: relative; height: 240px; } .chart .note { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); background: var(--bg); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.sev { font-weight: 600; } .sev.error { color: var(--red); } .sev.warning { color: var(--amber); } .sev.info, .sev.hint { color: var(--muted); }
.filters { display: flex; gap: 10px; align-items: center; margin-bottom: 10px; }
.filters input { flex: 0 1 320px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.filters select { padding: 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
#filter-count { color: var(--muted); }
details summary { cursor: pointer; color: var(--accent); } details ul { margin: 4px 0; padding-left: 18px; }
.map-wrap { overflow: auto; background: var(--card); border-radius: 8px; padding: 8px; }
svg.map text { font: 12px system-ui, sans-serif; fill: var(--fg); } svg.map text.key { font-weight: 600; }
svg.map .node rect { fill: var(--bg); stroke: var(--accent); stroke-width: 1.5; }
svg.map .node.unknown rect { stroke: var(--red); stroke-dasharray: 4 3; } svg.map .node.retired rect { stroke: #8a8f98; fill: var(--card); }
svg.map .node.cycle rect { stroke: var(--red); stroke-width: 2.5; }
svg.map .edge { fill: none; stroke: #667; stroke-width: 1.3; } svg.map .edge.unknown, svg.map .edge.cycle { stroke: var(--red); } svg.map .edge.retired { stroke: #8a8f98; stroke-dasharray: 4 3; }
svg.map .edge-label { font-size: 11px; fill: var(--red); } svg.map .edge-label.retired { fill: #8a8f98; }
.empty { color: var(--muted); }
`;
