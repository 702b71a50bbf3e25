/** DA-CONFIG-001: steward.config.yaml names a rule id that does not exist. Reported by the configuration (config.ts). */
import type { BuiltInRule } from '../rule';
import { cite } from '../sources';

export const unknownRuleInConfigRule: BuiltInRule = {
  layer: 'config',
  meta: {
    id: 'DA-CONFIG-001',
    name: 'unknown-rule-in-config',
    sources: [cite('steward-format')],
    severity: 'warning',
    fixable: false,
    messages: {
      unknownRule: {
        'zh-CN': '没有编号为 {rule} 的规则（运行 steward rules 查看全部规则）',
        en: 'There is no rule {rule} (run steward rules to list them)',
      },
    },
    docs: {
      description: { 'zh-CN': '配置中的规则编号不存在', en: 'The configuration names a rule that does not exist' },
      rationale: {
        'zh-CN':
          'steward.config.yaml 可以调整规则的级别或关闭规则。编号写错时，这项设置不起任何作用，而使用者以为它已生效，例如以为关掉了某条规则。因此对不存在的编号给出警告。',
        en: "steward.config.yaml can change a rule's severity or turn it off. A mistyped id makes the setting do nothing while the steward believes it applies, for instance that a rule was turned off. Hence a warning for an id no rule has.",
      },
      example: `# steward.config.yaml
rules:
  DA-REF-004: off   # 原意是 DA-REF-002（未被资产引用的目录资源）`,
      fixedExample: `# steward.config.yaml
rules:
  DA-REF-002: off`,
    },
  },
};
