/**
 * `steward import`, `steward export` and `steward report`: the commands that need exceljs and csv-parse (and the
 * report's charts). Bundled into their own file
 * (dist/sheets.js, see esbuild.mjs) and loaded only when one of them runs, so that every other command's start-up
 * does not compile the spreadsheet libraries (they would double the CLI bundle).
 */
export { importCommand } from './import-command';
export { exportCommand } from './export-command';
export { reportCommand } from './report-command';
