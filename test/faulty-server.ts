/**
 * Test entry (not a test): the language server of the tsc build with one fault planted in the real service. A check
 * of a text that contains PLANTED_FAULT throws, as a bug in the service would (ONE_TIME_FAULT: the first such check
 * only); everything else is the real server
 * and service. lsp-faults.test.ts runs it over stdio: `node out/test/faulty-server.js --stdio`.
 */
import service = require('../server/src/service');
import server = require('../server/src/server');

export const PLANTED_FAULT = '# planted-fault';
/** A check of a text with this fails the first time only (a fault that depends on more than the text). */
export const ONE_TIME_FAULT = '# one-time-fault';

let failedOnce = false;

function plantFault(): void {
  const create = service.createStewardService;
  (service as { createStewardService: typeof create }).createStewardService = (options) => {
    const real = create(options);
    const updateSteps = real.updateSteps;
    real.updateSteps = function* (uri, text, updateOptions) {
      if (text.indexOf(PLANTED_FAULT) >= 0) throw new Error('planted fault');
      if (!failedOnce && text.indexOf(ONE_TIME_FAULT) >= 0) {
        failedOnce = true;
        throw new Error('one-time fault');
      }
      return yield* updateSteps(uri, text, updateOptions);
    };
    return real;
  };
}

// Only as the server's process: a test that imports PLANTED_FAULT must not change its own service.
if (require.main === module) {
  plantFault();
  server.startServer();
}
