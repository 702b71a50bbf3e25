/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument: past about
 * 120,000 of them (a line of 300,000 `]`, one YAML error each) it throws "Maximum call stack size exceeded".
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
