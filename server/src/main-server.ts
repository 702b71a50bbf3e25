/** Entry point of the bundled language server (`dist/server.js --stdio` or `--node-ipc`). */
import * as v8 from 'node:v8';
import { startServer } from './lsp/server';

/**
 * The old generation grows by half of what a full collection kept before the next one, not by V8's default of up
 * to four times: an editor's server holds a large open file's parse (some 250 MB at 50,000 assets) and every edit
 * leaves garbage, which the default lets pile up to a gigabyte before it is collected (issue 19: server RSS at most
 * 600 MB with 50,000 assets open after 60 edits). V8 reads the flag at each collection.
 */
v8.setFlagsFromString('--heap-growing-percent=50');

startServer();
