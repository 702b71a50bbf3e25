/**
 * Test entry (not a test): the language server of the tsc build with one fault planted in the real service. A check
 * of a text that contains PLANTED_FAULT throws, as a bug in the service would (ONE_TIME_FAULT: the first such check
 * only; COUNTED_CHECK: no fault, each check is counted on stderr); everything else is the real server
 * and service. lsp-faults.test.ts runs it over stdio: `node out/test/faulty-server.js --stdio`.
 */
import { createStewardService } from '../server/src/service';
import type { StewardService, StewardServiceOptions } from '../server/src/service';
import { startServer } from '../server/src/lsp/server';

export const PLANTED_FAULT = '# planted-fault';
/** A check of a text with this fails the first time only (a fault that depends on more than the text). */
export const ONE_TIME_FAULT = '# one-time-fault';
/**
 * Each check of a text with this starts with a line `counted check: URI (HOW)` on stderr (no fault: a count), HOW
 * saying whether it keeps the trees and whether it is given the edit since the last check.
 */
export const COUNTED_CHECK = '# counted-check';
/** A hover at this character throws a TypeError, as a bug in a feature would. */
export const PLANTED_HOVER_CHARACTER = 4242;

let failedOnce = false;

/** The real service, whose checks of a text holding a planted fault throw. */
function faultyService(options: StewardServiceOptions): StewardService {
  const real = createStewardService(options);
  const updateSteps = real.updateSteps;
  real.updateSteps = function* (uri, text, updateOptions) {
    if (text.indexOf(PLANTED_FAULT) >= 0) throw new Error('planted fault');
    if (!failedOnce && text.indexOf(ONE_TIME_FAULT) >= 0) {
      failedOnce = true;
      throw new Error('one-time fault');
    }
    if (text.indexOf(COUNTED_CHECK) >= 0) {
      const how = `${updateOptions?.retain === false ? 'trees dropped' : 'trees kept'}${updateOptions?.change ? ', an edit' : ''}`;
      process.stderr.write(`counted check: ${uri} (${how})\n`);
    }
    return yield* updateSteps(uri, text, updateOptions);
  };
  const hover = real.hover;
  real.hover = (uri, position, locale) => {
    if (position.character === PLANTED_HOVER_CHARACTER) return (undefined as unknown as { x: () => null }).x();
    return hover(uri, position, locale);
  };
  return real;
}

// Only as the server's process: a test that imports PLANTED_FAULT must not start a server.
if (require.main === module) startServer(undefined, { createService: faultyService });
