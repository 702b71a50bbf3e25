/** What the cross-file reference rules (DA-REF-001..003, DA-ID-001) share: how a message names where an item is. */
import type { IndexedItem } from '../../workspace';

export function where(item: IndexedItem): string {
  return `${item.uri}:${item.idRange.start.line + 1}`;
}
