/** What the security rules (DA-SEC-002..003, clause 9) share: the clause and how they read a security grade. */
import { gradeRank } from '../../tree/values';
import { notice } from '../sources';
import type { SourceRef } from '../sources';

export const SOURCES: SourceRef[] = [notice('(9)')];

/** 核心数据 and 重要数据: the grades that call for recorded protection and assessments. */
export function isHighGrade(grade: string): boolean {
  return (gradeRank(grade) ?? 0) >= 1;
}

export const GRADE_EN: Record<string, string> = {
  核心数据: 'core data',
  重要数据: 'important data',
  一般数据: 'general data',
};
