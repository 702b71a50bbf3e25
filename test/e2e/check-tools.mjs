// Finds the editors and tools the real-editor tests drive. A missing one is a failure that says which command
// installs it, never a skipped test. Runners import requireTools(); `node test/e2e/check-tools.mjs NAME...`
// checks from a shell (exit 1 when one is missing).
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EDITORS = join(ROOT, '.editors');
export const INSTALL_COMMAND = 'bash scripts/install-editors.sh';

const CODE_SERVER_ENTRY = join(EDITORS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function onPath(...commands) {
  for (const command of commands) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (dir && existsSync(join(dir, command))) return join(dir, command);
    }
  }
  return undefined;
}

/** How each tool is found: an absolute path, or undefined when it is missing. */
const FINDERS = {
  // Only a completed install counts: the script writes its marker after checking the postinstall's results.
  'code-server': () => {
    const installed =
      existsSync(EDITORS) && readdirSync(EDITORS).some((name) => name.startsWith('.installed-code-server-'));
    return installed && existsSync(CODE_SERVER_ENTRY) ? CODE_SERVER_ENTRY : undefined;
  },
  chromium: () => process.env.CHROMIUM_PATH || onPath('chromium', 'chromium-browser'),
  neovim: () => onPath('nvim'),
  libreoffice: () => process.env.SOFFICE_PATH || onPath('soffice', 'libreoffice'),
  'playwright-core': () => {
    try {
      return createRequire(join(ROOT, 'package.json')).resolve('playwright-core');
    } catch {
      return undefined;
    }
  },
};

/** What installs each tool, when it is not the editors' install script. */
const INSTALLERS = { 'playwright-core': 'npm install' };

/** The tools among `names` that are missing. */
export function missingTools(names) {
  return names.filter((name) => {
    const find = FINDERS[name];
    if (!find) throw new Error(`check-tools: unknown tool ${name}`);
    return !find();
  });
}

/** The message for missing tools, in both languages, with the commands that install them. */
export function missingMessage(names, missing) {
  const commands = [...new Set(missing.map((name) => INSTALLERS[name] ?? INSTALL_COMMAND))];
  return [
    `Real-editor tests need ${names.join(', ')}; missing: ${missing.join(', ')}. Install with: ${commands.join(' && ')}`,
    `真实编辑器测试需要 ${names.join('、')}；缺少：${missing.join('、')}。安装命令：${commands.join(' && ')}`,
  ].join('\n');
}

/** Paths of the named tools; prints the install command and exits 1 when one is missing. */
export function requireTools(names) {
  const missing = missingTools(names);
  if (missing.length > 0) {
    console.error(missingMessage(names, missing));
    process.exit(1);
  }
  return Object.fromEntries(names.map((name) => [name, FINDERS[name]()]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  const tools = requireTools(names.length > 0 ? names : Object.keys(FINDERS));
  for (const [name, path] of Object.entries(tools)) console.log(`${name}: ${path}`);
}
