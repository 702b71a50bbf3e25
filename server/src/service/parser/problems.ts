/** YAML-level problems and their bilingual messages. Rule ids DA-YAML-0xx. */
import type { Finding, LocalizedText, Span } from '../types';
import type { LineIndex } from './lines';

export interface YamlProblem {
  /** The `yaml` package's error code, or one of ours (TOO_DEEP, ALIAS_BUDGET, ...). */
  code: string;
  span: Span;
  /** The parser's own (English) explanation, or a name to put in the message. */
  detail?: string;
}

export const YAML_RULES = {
  syntax: 'DA-YAML-001',
  duplicateKey: 'DA-YAML-002',
  tab: 'DA-YAML-003',
  notMapping: 'DA-YAML-004',
  alias: 'DA-YAML-005',
  depth: 'DA-YAML-006',
} as const;

const YAML_SPEC = 'YAML 1.2.2';

/** Chinese and English wording for the parser's error codes; unknown codes fall back to the parser's text. */
const CODE_TEXT: Record<string, LocalizedText> = {
  BAD_INDENT: { 'zh-CN': '缩进不正确', en: 'Bad indentation' },
  BAD_SCALAR_START: { 'zh-CN': '标量不能以此字符开头（可加引号）', en: 'A plain scalar cannot start with this character (quote it)' },
  BLOCK_AS_IMPLICIT_KEY: { 'zh-CN': '块结构不能作为隐式键', en: 'A block collection cannot be an implicit key' },
  BLOCK_IN_FLOW: { 'zh-CN': '流式结构中不能出现块结构', en: 'Block collections are not allowed inside flow collections' },
  BAD_DQ_ESCAPE: { 'zh-CN': '双引号字符串中的转义序列无效', en: 'Invalid escape sequence in a double-quoted string' },
  MISSING_CHAR: { 'zh-CN': '缺少必要的字符（如引号、括号或冒号）', en: 'A required character is missing (a quote, bracket or colon)' },
  MULTILINE_IMPLICIT_KEY: { 'zh-CN': '隐式键必须写在一行内', en: 'Implicit keys must be on a single line' },
  MULTIPLE_ANCHORS: { 'zh-CN': '一个节点只能有一个锚点', en: 'A node can have only one anchor' },
  MULTIPLE_TAGS: { 'zh-CN': '一个节点只能有一个标签', en: 'A node can have only one tag' },
  UNEXPECTED_TOKEN: { 'zh-CN': '此处出现了意外的内容', en: 'Unexpected content here' },
  KEY_OVER_1024_CHARS: { 'zh-CN': '隐式键超过 1024 个字符', en: 'An implicit key is longer than 1024 characters' },
  TAG_RESOLVE_FAILED: { 'zh-CN': '无法解析此标签的值', en: 'The value does not match its tag' },
  BAD_DIRECTIVE: { 'zh-CN': 'YAML 指令无效', en: 'Invalid YAML directive' },
  BAD_ALIAS: { 'zh-CN': '别名无效', en: 'Invalid alias' },
  ALIAS_PROPS: { 'zh-CN': '别名不能带锚点或标签', en: 'An alias cannot have an anchor or a tag' },
  BAD_PROP_ORDER: { 'zh-CN': '锚点与标签的位置不正确', en: 'Anchors and tags must come before the value' },
  NON_STRING_KEY: { 'zh-CN': '键必须是字符串', en: 'Keys must be strings' },
  COMPLEX_KEY: { 'zh-CN': '不支持以映射或序列作为键', en: 'Mappings or sequences as keys are not supported' },
};

interface Template {
  ruleId: string;
  message(problem: YamlProblem): LocalizedText;
}

function template(problem: YamlProblem): Template {
  switch (problem.code) {
    case 'DUPLICATE_KEY':
      return {
        ruleId: YAML_RULES.duplicateKey,
        message: (p) => ({
          'zh-CN': p.detail ? `重复的键“${p.detail}”：同一映射中的键必须唯一` : '重复的键：同一映射中的键必须唯一',
          en: p.detail ? `Duplicate key "${p.detail}": keys in a mapping must be unique` : 'Duplicate key: keys in a mapping must be unique',
        }),
      };
    case 'TAB_AS_INDENT':
      return {
        ruleId: YAML_RULES.tab,
        message: () => ({ 'zh-CN': 'YAML 不允许用制表符（Tab）缩进，请改用空格', en: 'Tabs are not allowed as indentation in YAML; use spaces' }),
      };
    case 'NOT_MAPPING':
      return {
        ruleId: YAML_RULES.notMapping,
        message: () => ({ 'zh-CN': '文档顶层必须是映射（键: 值），例如 apiVersion、kind', en: 'The top level of the document must be a mapping (key: value), e.g. apiVersion, kind' }),
      };
    case 'ALIAS_BUDGET':
    case 'UNRESOLVED_ALIAS':
    case 'BAD_ALIAS':
      return {
        ruleId: YAML_RULES.alias,
        message: (p) => p.code === 'UNRESOLVED_ALIAS'
          ? { 'zh-CN': `别名 *${p.detail ?? ''} 引用的锚点不存在`, en: `Alias *${p.detail ?? ''} refers to an anchor that is not defined` }
          : { 'zh-CN': '别名展开过多（疑似“十亿笑”攻击），已停止展开', en: 'Alias expansion is too large (a "billion laughs" pattern); it was not expanded' },
      };
    case 'TOO_DEEP':
    case 'RESOURCE_EXHAUSTION':
      return {
        ruleId: YAML_RULES.depth,
        message: () => ({ 'zh-CN': '嵌套层级过深，超出部分未解析', en: 'Nesting is too deep; the deeper part was not read' }),
      };
    case 'TOO_MANY':
      return {
        ruleId: YAML_RULES.syntax,
        message: (p) => ({ 'zh-CN': `另有 ${p.detail} 个 YAML 错误未列出`, en: `${p.detail} more YAML errors not listed` }),
      };
    default:
      return {
        ruleId: YAML_RULES.syntax,
        message: (p) => {
          const text = CODE_TEXT[p.code];
          const detail = (p.detail ?? p.code).split('\n')[0];
          return {
            'zh-CN': `YAML 语法错误：${text ? text['zh-CN'] : p.code}`,
            en: `YAML syntax error: ${text ? text.en : detail}`,
          };
        },
      };
  }
}

export function yamlProblemFinding(problem: YamlProblem, lines: LineIndex): Finding {
  const { ruleId, message } = template(problem);
  const severity = problem.code === 'TOO_MANY' ? 'info' : 'error';
  return { ruleId, severity, message: message(problem), range: lines.rangeOf(problem.span), clause: YAML_SPEC };
}
