/** Requests answered from the service: completion, hover, code actions, symbols, navigation, rename. */
import type { ServerState } from '../server';

export function registerFeatures(state: ServerState): void {
  void state;
}
