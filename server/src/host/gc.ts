/**
 * One full garbage collection, where a phase of work has left much garbage behind. V8 collects its old generation
 * only when it has grown to about four times what its last full collection kept, so the garbage of one phase would
 * still be held during the next, adding the phases' peaks (the export of 50,000 assets: 629 MB instead of 343;
 * the import of 50,000 rows: 350 MB instead of 276; bench/README.md). Node is not started with --expose-gc: the
 * flag is set at run time and `gc` taken from a new context (as jest-leak-detector takes it); where it cannot be
 * had, nothing is collected early and only the peak is higher.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let fullCollection: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (fullCollection === undefined) {
    try {
      fullCollection = (globalThis as { gc?: () => void }).gc ?? null;
      if (!fullCollection) {
        v8.setFlagsFromString('--expose-gc');
        fullCollection = vm.runInNewContext('gc') as () => void;
      }
    } catch {
      fullCollection = null;
    }
  }
  fullCollection?.();
}
