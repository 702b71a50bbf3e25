/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of a 31-character alphabet.
 * 1: registering authority, 2: kind, 3–8: administrative division, 9–17: organisation code (GB 11714, its last
 * character a check over the 8 before it), 18: check character over the first 17.
 */
import type { LocalizedText } from '../types';
import { fillText } from '../i18n/template';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** 0-based index of the organisation code's first character and of its check character. */
const ORGANISATION_START = 8;
const ORGANISATION_CHECK = 16;

export type UsccProblemId =
  'length' | 'badCharacter' | 'lowercase' | 'fullWidth' | 'organisationCheck' | 'checkCharacter';

export interface UsccProblem {
  id: UsccProblemId;
  /** 0-based index of the character concerned (for `length`: where the code should end or ends). */
  index: number;
  /** Values for the message's placeholders (see USCC_MESSAGES). */
  args: Record<string, string | number>;
  message: LocalizedText;
  /** The character expected at `index`: for the check characters, a lower-case letter, a full-width character. */
  expected?: string;
}

/** Message templates, shared with the rule that reports them (DA-UNIT-001). */
export const USCC_MESSAGES: Record<UsccProblemId, LocalizedText> = {
  length: {
    'zh-CN': '统一社会信用代码应为 18 位，“{code}”为 {length} 位',
    en: 'A unified social credit code has 18 characters; "{code}" has {length}',
  },
  badCharacter: {
    'zh-CN': '统一社会信用代码第 {position} 位“{char}”不可用：只能使用数字和除 I、O、Z、S、V 以外的大写字母',
    en: 'Character {position} of the unified social credit code, "{char}", is not allowed: only digits and the capital letters other than I, O, Z, S and V are used',
  },
  lowercase: {
    'zh-CN': '统一社会信用代码第 {position} 位“{char}”应为大写“{expected}”',
    en: 'Character {position} of the unified social credit code, "{char}", must be the capital "{expected}"',
  },
  fullWidth: {
    'zh-CN': '统一社会信用代码第 {position} 位“{char}”是全角字符，应为半角“{expected}”',
    en: 'Character {position} of the unified social credit code, "{char}", is full-width; write "{expected}"',
  },
  organisationCheck: {
    'zh-CN': '统一社会信用代码第 17 位（组织机构代码校验码，GB 11714）应为“{expected}”，实为“{actual}”',
    en: 'Character 17 of the unified social credit code (the organisation code check character, GB 11714) should be "{expected}", not "{actual}"',
  },
  checkCharacter: {
    'zh-CN': '统一社会信用代码第 18 位校验码应为“{expected}”，实为“{actual}”',
    en: 'Character 18 of the unified social credit code (its check character) should be "{expected}", not "{actual}"',
  },
};

function problem(
  id: UsccProblemId,
  index: number,
  args: Record<string, string | number>,
  expected?: string,
): UsccProblem {
  const result: UsccProblem = { id, index, args, message: fillText(USCC_MESSAGES[id], args) };
  if (expected !== undefined) result.expected = expected;
  return result;
}

/**
 * Checks a unified social credit code; an empty list means it is valid. The check characters are verified only
 * when the characters they cover are all valid.
 */
export function checkUscc(code: string): UsccProblem[] {
  const problems: UsccProblem[] = [];
  const chars = [...code];
  if (chars.length !== USCC_LENGTH) {
    problems.push(problem('length', Math.min(chars.length, USCC_LENGTH), { code, length: chars.length }));
  }
  // Characters past the 18th are covered by the length problem: one finding each would be a finding per character
  // of any long text pasted into the field (150,000 findings for a 150,000-character value).
  chars.slice(0, USCC_LENGTH).forEach((char, index) => {
    if (USCC_ALPHABET.includes(char)) return;
    const halfWidth = toHalfWidth(char);
    const upper = halfWidth.toUpperCase();
    const args = { char, position: index + 1, expected: upper };
    if (halfWidth !== char && USCC_ALPHABET.includes(upper)) problems.push(problem('fullWidth', index, args, upper));
    else if (upper !== char && USCC_ALPHABET.includes(upper)) problems.push(problem('lowercase', index, args, upper));
    else problems.push(problem('badCharacter', index, args));
  });
  const valid = (from: number, to: number) =>
    chars.length >= to && chars.slice(from, to).every((char) => USCC_ALPHABET.includes(char));
  if (valid(ORGANISATION_START, ORGANISATION_CHECK + 1)) {
    const expected = organisationCheckCharacter(chars.slice(ORGANISATION_START, ORGANISATION_CHECK).join(''));
    const actual = chars[ORGANISATION_CHECK];
    if (actual !== expected)
      problems.push(problem('organisationCheck', ORGANISATION_CHECK, { expected, actual }, expected));
  }
  if (chars.length === USCC_LENGTH && valid(0, USCC_LENGTH)) {
    const expected = usccCheckCharacter(chars.slice(0, USCC_LENGTH - 1).join(''));
    const actual = chars[USCC_LENGTH - 1];
    if (actual !== expected) problems.push(problem('checkCharacter', USCC_LENGTH - 1, { expected, actual }, expected));
  }
  return problems;
}

/** Full-width ASCII (U+FF01–FF5E, common with Chinese input methods) to its ASCII character. */
function toHalfWidth(char: string): string {
  const code = char.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
}

/** GB 11714 check character over the organisation code's 8 body characters (digits, or letters A=10 … Z=35). */
export function organisationCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < ORGANISATION_WEIGHTS.length; i++) sum += parseInt(body[i], 36) * ORGANISATION_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** GB 32100 check character over the first 17 characters (their indexes in the 31-character alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < USCC_WEIGHTS.length; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check];
}

export type UnitType = '行政单位' | '事业单位';

export interface UsccKind {
  /** Character 1: the registering authority (登记管理部门). */
  authority: string;
  authorityName: LocalizedText | undefined;
  /** Character 2: the kind of entity within that authority. */
  kind: string;
  kindName: LocalizedText | undefined;
  /** The unit type the code implies, for authority 1 (机构编制): kind 1 → 行政单位, kind 2 → 事业单位. */
  impliedUnitType: UnitType | undefined;
}

const AUTHORITIES: Record<string, LocalizedText> = {
  '1': { 'zh-CN': '机构编制', en: 'institutional establishment (government bodies and public institutions)' },
  '2': { 'zh-CN': '外交', en: 'foreign affairs' },
  '3': { 'zh-CN': '司法行政', en: 'judicial administration' },
  '4': { 'zh-CN': '文化', en: 'culture' },
  '5': { 'zh-CN': '民政', en: 'civil affairs' },
  '6': { 'zh-CN': '旅游', en: 'tourism' },
  '7': { 'zh-CN': '宗教', en: 'religious affairs' },
  '8': { 'zh-CN': '工会', en: 'trade unions' },
  '9': { 'zh-CN': '工商', en: 'industry and commerce (market regulation)' },
  A: { 'zh-CN': '中央军委改革和编制办公室', en: 'Central Military Commission reform and establishment office' },
  N: { 'zh-CN': '农业', en: 'agriculture' },
  Y: { 'zh-CN': '其他', en: 'other' },
};

/** Kinds of the authorities a data-asset register meets; for the others the kind is only named by its character. */
const KINDS: Record<string, Record<string, LocalizedText>> = {
  '1': {
    '1': { 'zh-CN': '机关', en: 'government body' },
    '2': { 'zh-CN': '事业单位', en: 'public institution' },
    '3': {
      'zh-CN': '中央编办直接管理机构编制的群众团体',
      en: 'mass organisation under the central establishment office',
    },
    '9': { 'zh-CN': '其他', en: 'other' },
  },
  '5': {
    '1': { 'zh-CN': '社会团体', en: 'social organisation' },
    '2': { 'zh-CN': '民办非企业单位', en: 'private non-enterprise unit' },
    '3': { 'zh-CN': '基金会', en: 'foundation' },
    '9': { 'zh-CN': '其他', en: 'other' },
  },
  '9': {
    '1': { 'zh-CN': '企业', en: 'enterprise' },
    '2': { 'zh-CN': '个体工商户', en: 'individual business' },
    '3': { 'zh-CN': '农民专业合作社', en: 'farmers’ specialised cooperative' },
  },
};

const IMPLIED_UNIT_TYPE: Record<string, UnitType> = { '1': '行政单位', '2': '事业单位' };

/** Reads the registering authority and kind from the first two characters; undefined for fewer than two. */
export function usccKind(code: string): UsccKind | undefined {
  if (code.length < 2) return undefined;
  const authority = code[0];
  const kind = code[1];
  return {
    authority,
    authorityName: AUTHORITIES[authority],
    kind,
    kindName: KINDS[authority]?.[kind],
    impliedUnitType: authority === '1' ? IMPLIED_UNIT_TYPE[kind] : undefined,
  };
}

/** The kind character (position 2) a unit of this type has under authority 1, e.g. 行政单位 → 1. */
export function expectedKindFor(unitType: UnitType): string {
  return unitType === '行政单位' ? '1' : '2';
}
