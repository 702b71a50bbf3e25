/**
 * DA-CONFIG-002: a path in steward.config.yaml (`codeTable`, a `files` pattern) leads out of the configuration's
 * folder. Reported by the host when it reads the configuration (host/config.ts); the path is not used.
 */
import type { BuiltInRule } from '../rule';
import { cite } from '../sources';

export const pathOutsideWorkspaceRule: BuiltInRule = {
  layer: 'config',
  meta: {
    id: 'DA-CONFIG-002',
    name: 'path-outside-workspace',
    sources: [cite('steward-format')],
    severity: 'error',
    fixable: false,
    messages: {
      // {path} is the value as written, {key} the configuration key.
      outside: {
        'zh-CN': '{key} 的路径“{path}”超出配置文件所在目录，未使用（命令行可用 --allow-outside-paths 放行）',
        en: "The {key} path '{path}' leads out of the configuration's folder and is not used (the CLI's --allow-outside-paths allows it)",
      },
      // The path stays inside as written but a symbolic link on the way leads out.
      outsideByLink: {
        'zh-CN':
          '{key} 的路径“{path}”经符号链接指向配置文件所在目录之外，未使用（命令行可用 --allow-outside-paths 放行）',
        en: "The {key} path '{path}' leads through a symbolic link out of the configuration's folder and is not used (the CLI's --allow-outside-paths allows it)",
      },
    },
    docs: {
      description: {
        'zh-CN': '配置中的路径超出配置文件所在目录',
        en: "A path in the configuration leads out of the configuration's folder",
      },
      rationale: {
        'zh-CN':
          'steward.config.yaml 随数据一起提交，谁都可以修改；持续集成和编辑器读取它时，其中的路径只能指向配置文件所在目录之内（含其子目录）。绝对路径、含 .. 的路径或经符号链接指向目录之外的路径都不使用，以免读出代码表以外的文件（例如系统口令文件）并在报告中显示其内容。确需使用目录之外的代码表时，在命令行用 --code-table 指定，或加 --allow-outside-paths。',
        en: "steward.config.yaml is committed with the data and anyone may change it; when CI or an editor reads it, its paths may only lead into the configuration's folder and below. An absolute path, a path with .., or one whose symbolic link leads out is not used, so that no file other than a code table (a system password file, say) is read and shown in a report. A code table kept elsewhere is named on the command line with --code-table, or allowed with --allow-outside-paths.",
      },
      example: `# steward.config.yaml
codeTable: ../../shared/codes.csv   # 指向仓库之外 / leads out of the repository`,
      fixedExample: `# steward.config.yaml
codeTable: codes/codes.csv          # 代码表随数据一起提交 / the table is committed with the data`,
    },
  },
};
