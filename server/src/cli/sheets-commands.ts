/**
 * `steward import` and `steward export`: the commands that need exceljs and csv-parse. Bundled into their own file
 * (dist/sheets.js, see esbuild.mjs) and loaded only when one of them runs, so that every other command's start-up
 * does not compile the spreadsheet libraries (they would double the CLI bundle). `steward report` (ECharts and the
 * report's HTML as well) is a bundle of its own, dist/report-cli.js: here it would cost every import and export.
 */
export { importCommand } from './import-command';
export { exportCommand } from './export-command';
