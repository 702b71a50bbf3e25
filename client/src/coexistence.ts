/**
 * Living next to Red Hat's YAML extension, without `vscode`: which of our diagnostics it already shows, and which
 * completion-only ("hints") schema it should use for a file. The wiring is in yaml-extension.ts.
 */

export const RED_HAT_YAML = 'redhat.vscode-yaml';

/** Parse errors found by the `yaml` package, which Red Hat's extension (same parser) reports at the same places. */
export const SYNTAX_RULE_IDS: ReadonlySet<string> = new Set(['DA-YAML-001', 'DA-YAML-002', 'DA-YAML-003']);

export type SyntaxErrorsSetting = 'auto' | 'show';

/** Whether our syntax findings for a document would duplicate Red Hat's. */
export function redHatShowsSyntaxErrors(options: {
  setting: SyntaxErrorsSetting | undefined;
  redHatInstalled: boolean;
  /** Red Hat's `yaml.validate` for the document (a language-overridable setting, true by default). */
  yamlValidate: boolean;
  languageId: string | undefined;
}): boolean {
  return options.setting !== 'show' && options.redHatInstalled && options.yamlValidate && options.languageId === 'yaml';
}

type DiagnosticCode = string | number | { value: string | number } | undefined;

export function ruleIdOf(code: DiagnosticCode): string | undefined {
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

/** Drops the findings Red Hat's extension already reports. */
export function withoutSyntaxErrors<T extends { code?: DiagnosticCode }>(diagnostics: readonly T[]): T[] {
  return diagnostics.filter((d) => !SYNTAX_RULE_IDS.has(ruleIdOf(d.code) ?? ''));
}

export type HintSchemaKind = 'catalog' | 'register';

export const HINT_SCHEMA_FILES: Readonly<Record<HintSchemaKind, string>> = {
  catalog: 'data-resource-catalog.hints.schema.json',
  register: 'data-asset-register.hints.schema.json',
};

/** The file names that the manifest's static `yamlValidation` entries already cover. */
export function coveredByManifest(fileName: string): boolean {
  return /\.(catalog|assets)\.ya?ml$/i.test(fileName);
}

/** Which hints schema fits a document: by its declared `kind`, else by its file name. */
export function hintSchemaKind(fileName: string, text: string): HintSchemaKind | undefined {
  const head = text.slice(0, 8192);
  if (/^apiVersion:[ \t]*["']?steward\//m.test(head)) {
    const kind = /^kind:[ \t]*["']?(DataResourceCatalog|DataAssetRegister)\b/m.exec(head)?.[1];
    if (kind === 'DataResourceCatalog') return 'catalog';
    if (kind === 'DataAssetRegister') return 'register';
  }
  if (/\.catalog\.ya?ml$/i.test(fileName)) return 'catalog';
  if (/\.assets\.ya?ml$/i.test(fileName)) return 'register';
  return undefined;
}
