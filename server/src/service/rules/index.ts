/** The rules: the registry of every rule id (./registry.ts) and the rule model (./rule.ts). */
export { BUILT_IN_RULES, REGISTRY, RULES, WORKSPACE_RULES, findRule } from './registry';
