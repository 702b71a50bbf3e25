/** Readers of the values stewards write (dates, security grades), shared by rules and the workspace index. */
import type { ScalarNode } from '../parser/ast';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The scalar's text when it is a real calendar date `YYYY-MM-DD`; undefined otherwise (the schema reports it). */
export function isoDateOf(node: ScalarNode | undefined): string | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  const text = node.value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : undefined;
}

/** The same calendar day `years` years earlier, as text; comparing ISO dates as strings orders them. */
export function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/** Security grades from high to low, as GB/T 43697-2024 orders them. */
export const GRADE_ORDER = ['核心数据', '重要数据', '一般数据'] as const;

/** 2 for 核心数据, 1 for 重要数据, 0 for 一般数据, undefined for anything else. */
export function gradeRank(grade: string): number | undefined {
  const index = GRADE_ORDER.indexOf(grade as (typeof GRADE_ORDER)[number]);
  return index < 0 ? undefined : GRADE_ORDER.length - 1 - index;
}
