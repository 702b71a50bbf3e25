/** Entry point of the bundled language server (`dist/server.js --stdio` or `--node-ipc`). */
import { startServer } from './lsp/server';

startServer();
