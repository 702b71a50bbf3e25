/** The rules: the registry of every rule id (./registry.ts) and the rule model (./rule.ts). */
export { RULES, WORKSPACE_RULES } from './registry';
