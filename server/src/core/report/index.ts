/** Reports over a scan: the flag inventory and the output formats of the CLI (text, JSON, SARIF, Markdown, CSV). */
export { buildInventory } from './inventory';
export type { InventoryOptions, InventoryRow } from './inventory';
export { formatText } from './text';
export type { TextOptions } from './text';
export { buildJsonReport, formatJson, jsonInventory } from './json';
export type { JsonFinding, JsonReport } from './json';
export { buildSarif, formatSarif } from './sarif';
export { formatMarkdown, inventoryMarkdown } from './markdown';
export { csvField, csvRecord, formatInventoryCsv } from './csv';
export { formatInventoryText } from './inventoryText';
export { summarise, countBySeverity } from './summary';
export type { Summary } from './summary';
export { displayPath } from './paths';
export { registryGoverning } from './governing';
export { toolInfo } from './toolInfo';
export type { ToolInfo } from './toolInfo';
