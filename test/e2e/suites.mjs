// The editor suites, shared by both drivers (run.mjs: the VS Code server and web workbench in Chromium;
// electron.mjs: a desktop VS Code through @vscode/test-electron).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_ID = 'algoritmekader-authoring.algoritmekader-authoring';

/**
 * The workspace each suite runs on (a throw-away copy), and how. Test files name their suite
 * (`<x>.<suite>.e2e.ts`, `examples` without one; suite/index.ts). `overlay`: files copied over the workspace.
 * `untrusted`: the folder is not trusted (Restricted Mode). `web`: the extension runs in the browser's web worker
 * extension host, as in github.dev, on a folder served by a file system provider that is not the disk.
 */
export const SUITES = {
  examples: { source: join(ROOT, 'examples', 'current') },
  corpus: { source: join(ROOT, '..', 'shared', 'corpora', 'algoritmekader-2026-06') },
  untrusted: { source: join(ROOT, 'examples', 'current'), overlay: join(ROOT, 'test', 'e2e', 'untrusted'), untrusted: true },
  web: { source: join(ROOT, 'examples', 'current'), web: true },
};

/** The suite of a built test file, as suite/index.ts decides it. */
export function suiteOf(file) {
  const parts = file.slice(0, -'.e2e.js'.length).split('.');
  return parts.length > 1 ? parts[parts.length - 1] : 'examples';
}

/** The user settings of a suite's throw-away profile. */
export function userSettings({ untrusted = false, web = false }) {
  return {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.openRepositoryInParentFolders': 'never',
    // Restricted Mode without the dialog that asks whether to trust the folder.
    ...(untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {}),
    // The web suite: the extension in the browser's web worker extension host, as github.dev runs it.
    ...(web ? { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } } : {}),
  };
}
