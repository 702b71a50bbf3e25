/**
 * The item limit: a document whose item list holds more items than the limit is not parsed item by item (the
 * trees and findings of a million items exhaust the memory: ~3.5 KB each, measured). The items are counted by the
 * split (split.ts), which reads only the lines that open items, before any tree exists.
 */
import type { Finding } from '../types';
import type { LineIndex } from './lines';
import type { DocumentLayout } from './split';
import { fillText } from '../i18n/template';
import { citationOfAll } from '../rules/sources';
import { tooManyItemsRule } from '../rules/file/too-many-items';

/** The default limit of items (resources or assets) in one file's list: 100,000. */
export const DEFAULT_MAX_ITEMS = 100_000;

/** The first document whose item list is over `limit`: the finding that says so, at the list's key. */
export function itemLimitFinding(
  text: string,
  layouts: readonly DocumentLayout[],
  limit: number,
  lines: LineIndex,
): Finding | undefined {
  for (const layout of layouts) {
    const list = layout.items;
    if (!list || list.items.length <= limit) continue;
    // The key opens the head's last line that starts with it at column 0 (the list follows it).
    const found = text.lastIndexOf(`\n${list.key}`, list.head.end);
    const start = found >= list.head.start ? found + 1 : list.head.start;
    const { meta } = tooManyItemsRule;
    return {
      ruleId: meta.id,
      severity: meta.severity,
      message: fillText(meta.messages.tooMany, {
        key: list.key,
        count: grouped(list.items.length),
        limit: grouped(limit),
      }),
      range: lines.rangeOf({ start, end: start + list.key.length }),
      clause: citationOfAll(meta.sources),
    };
  }
  return undefined;
}

/** 1100000 as `1,100,000`. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
