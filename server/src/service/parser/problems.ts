/** YAML-level problems and their findings. Rule ids DA-YAML-0xx; their metadata and messages are in rules/yaml/. */
import type { Finding, LocalizedText, Span } from '../types';
import type { LineIndex } from './lines';
import { fillText } from '../i18n/template';
import { MAX_ALIAS_NODES } from './convert';
import { yamlSyntaxRule } from '../rules/yaml/yaml-syntax';
import { citationOfAll } from '../rules/sources';
import { duplicateKeyRule } from '../rules/yaml/duplicate-key';
import { tabIndentationRule } from '../rules/yaml/tab-indentation';
import { topLevelNotMappingRule } from '../rules/yaml/top-level-not-mapping';
import { aliasLimitRule } from '../rules/yaml/alias-limit';
import { nestingTooDeepRule } from '../rules/yaml/nesting-too-deep';

export interface YamlProblem {
  /** The `yaml` package's error code, or one of ours (TOO_DEEP, ALIAS_BUDGET, ...). */
  code: string;
  span: Span;
  /** The parser's own (English) explanation, or a name to put in the message. */
  detail?: string;
}

export const YAML_RULES = {
  syntax: yamlSyntaxRule.meta.id,
  duplicateKey: duplicateKeyRule.meta.id,
  tab: tabIndentationRule.meta.id,
  notMapping: topLevelNotMappingRule.meta.id,
  alias: aliasLimitRule.meta.id,
  depth: nestingTooDeepRule.meta.id,
} as const;

/** Every YAML id rests on the same specification: the syntax rule's citation is theirs. */
const YAML_SPEC = citationOfAll(yamlSyntaxRule.meta.sources);

/** Chinese and English wording for the parser's error codes (the {problem} of DA-YAML-001); unknown codes fall back to the parser's text. */
const CODE_TEXT: Record<string, LocalizedText> = {
  BAD_INDENT: { 'zh-CN': '缩进不正确', en: 'Bad indentation' },
  BAD_SCALAR_START: {
    'zh-CN': '标量不能以此字符开头（可加引号）',
    en: 'A plain scalar cannot start with this character (quote it)',
  },
  BLOCK_AS_IMPLICIT_KEY: { 'zh-CN': '块结构不能作为隐式键', en: 'A block collection cannot be an implicit key' },
  BLOCK_IN_FLOW: {
    'zh-CN': '流式结构中不能出现块结构',
    en: 'Block collections are not allowed inside flow collections',
  },
  BAD_DQ_ESCAPE: { 'zh-CN': '双引号字符串中的转义序列无效', en: 'Invalid escape sequence in a double-quoted string' },
  MISSING_CHAR: {
    'zh-CN': '缺少必要的字符（如引号、括号或冒号）',
    en: 'A required character is missing (a quote, bracket or colon)',
  },
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

/** Standard tags (`!!int`, `!!str`) are written out in full by the parser: `tag:yaml.org,2002:int`. */
const STANDARD_TAG = 'tag:yaml.org,2002:';

/** Wording that names what the parser found (a tag, a character): what is wrong and what to do. */
function detailText(problem: YamlProblem): LocalizedText | undefined {
  if (problem.code === 'CONTROL_CHAR') {
    const char = problem.detail ?? '';
    return {
      'zh-CN': `文本中含有控制字符 ${char}，YAML 任何位置都不允许出现：请删除（确需此字符时，在双引号字符串中写作转义，如 "\\x00"）`,
      en: `The text holds a control character (${char}), which YAML allows nowhere: delete it (if it is really wanted, write it as an escape in a double-quoted string, such as "\\x00")`,
    };
  }
  if (problem.code === 'LONE_CR')
    return {
      'zh-CN': '回车符（CR）后没有换行符（LF）：各 YAML 解析器对它是否结束一行看法不一，请改用 LF 或 CR LF 换行',
      en: 'A carriage return (CR) without a line feed after it: YAML readers disagree on whether it ends the line; use LF or CR LF line ends',
    };
  if (problem.code === 'BOM_INSIDE')
    return {
      'zh-CN': '行首有字节顺序标记（U+FEFF，不可见），YAML 只允许它出现在文档开头：请删除（常见于拼接文件之后）',
      en: 'A byte-order mark (U+FEFF, invisible) opens this line; YAML allows one only before a document: delete it (files joined together often leave one)',
    };
  if (problem.code === 'TAG_RESOLVE_FAILED') {
    const found = /tag: (\S+)/.exec(problem.detail ?? '');
    if (!found) return undefined;
    const tag = found[1].startsWith(STANDARD_TAG) ? `!!${found[1].slice(STANDARD_TAG.length)}` : found[1];
    if (tag.startsWith('!!'))
      return {
        'zh-CN': `值与其标签 ${tag} 不符：请删除标签，或改正取值`,
        en: `The value does not fit its tag ${tag}: delete the tag, or correct the value`,
      };
    return {
      'zh-CN': `未知的标签 ${tag}：本工具的格式不使用自定义标签，请删除标签（取值要作为文本时可加引号）`,
      en: `Unknown tag ${tag}: this tool's format uses no custom tags; delete the tag (quote the value if it is meant as text)`,
    };
  }
  return undefined;
}

function aliasMessage(problem: YamlProblem): LocalizedText {
  const { messages } = aliasLimitRule.meta;
  switch (problem.code) {
    case 'UNRESOLVED_ALIAS':
      return fillText(messages.unresolved, { alias: problem.detail ?? '' });
    case 'ALIAS_CYCLE':
      return fillText(messages.cycle, { alias: problem.detail ?? '' });
    case 'BAD_ALIAS':
      return messages.invalid;
    default:
      return fillText(messages.budget, { limit: MAX_ALIAS_NODES.toLocaleString('en') });
  }
}

interface Template {
  ruleId: string;
  message: (problem: YamlProblem) => LocalizedText;
}

function template(problem: YamlProblem): Template {
  switch (problem.code) {
    case 'DUPLICATE_KEY': {
      const { messages } = duplicateKeyRule.meta;
      return {
        ruleId: YAML_RULES.duplicateKey,
        message: (p) => (p.detail ? fillText(messages.duplicate, { key: p.detail }) : messages.duplicateUnnamed),
      };
    }
    case 'TAB_AS_INDENT':
      return { ruleId: YAML_RULES.tab, message: () => tabIndentationRule.meta.messages.tab };
    case 'NOT_MAPPING':
      return { ruleId: YAML_RULES.notMapping, message: () => topLevelNotMappingRule.meta.messages.notMapping };
    case 'ALIAS_BUDGET':
    case 'ALIAS_CYCLE':
    case 'UNRESOLVED_ALIAS':
    case 'BAD_ALIAS':
      return { ruleId: YAML_RULES.alias, message: aliasMessage };
    case 'TOO_DEEP':
    case 'RESOURCE_EXHAUSTION':
      return { ruleId: YAML_RULES.depth, message: () => nestingTooDeepRule.meta.messages.tooDeep };
    case 'TOO_MANY':
      return {
        ruleId: YAML_RULES.syntax,
        message: (p) => fillText(yamlSyntaxRule.meta.messages.tooMany, { count: p.detail ?? '' }),
      };
    default:
      return {
        ruleId: YAML_RULES.syntax,
        message: (p) => {
          const text = detailText(p) ?? CODE_TEXT[p.code];
          const detail = (p.detail ?? p.code).split('\n')[0];
          return fillText(yamlSyntaxRule.meta.messages.syntax, {
            problemZh: text ? text['zh-CN'] : p.code,
            problemEn: text ? text.en : detail,
          });
        },
      };
  }
}

export function yamlProblemFinding(problem: YamlProblem, lines: LineIndex): Finding {
  const { ruleId, message } = template(problem);
  const severity = problem.code === 'TOO_MANY' ? 'info' : 'error';
  return { ruleId, severity, message: message(problem), range: lines.rangeOf(problem.span), clause: YAML_SPEC };
}
