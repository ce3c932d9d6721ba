#!/usr/bin/env node
// @ts-check
// Part of `npm run lint`: fails when a file of the project names a path outside the repository
// (a clone must build and test with nothing beside it; CI's machine happens to have folders
// beside the clone, so a green CI alone would not catch such a reach).
//
// It reads every source, config and script file (not node_modules, build output, recorded
// fixtures or Markdown) and reports, with file and line:
//   - a relative path literal (`'../x'`, an import specifier) that resolves above the repository
//     root from the file's own folder;
//   - a relative path joined onto the repository root (`path.resolve(repoRoot, '../shared/x')`)
//     or the root's parent (`path.dirname(repoRoot)`) that leaves the repository;
//   - in commands (package.json scripts, shell scripts, nginx config), a `../` word that leaves
//     the repository from the root (where npm runs scripts) or from the file's folder;
//   - an absolute path into the folder that holds the repository (a sibling checkout or folder).
// A line may opt out with a trailing `// inside-repo: allowed, <reason>`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders never read: dependencies, build and test output, recorded data, version control. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  'coverage',
  'test-results',
  'playwright-report',
  '.vite',
  'target',
  '.state',
  'fixtures',
]);
/** Source and config files whose string literals are paths the way JavaScript writes them. */
const CODE = /\.(?:[cm]?[jt]sx?|java)$/;
/** Files whose words are commands or paths run from the repository root. */
const COMMANDS =
  /(?:^|\/)(?:package\.json|tsconfig\.json|[^/]*\.(?:sh|conf|json|html|xml|properties|ya?ml)|\.ci\/[^/.]+)$/;
/** Names this project gives the repository root when it joins paths onto it. */
const ROOT_NAMES = String.raw`(?:repo|repoRoot|root|rootDir|projectRoot|REPO_ROOT|ROOT)`;
const JOINED_ONTO_ROOT = new RegExp(String.raw`\b${ROOT_NAMES}\s*,\s*$`);
const PARENT_OF_ROOT = new RegExp(String.raw`\bdirname\(\s*${ROOT_NAMES}\s*\)`);
const STRING_LITERAL = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;

/**
 * @typedef {object} OutsideReach
 * @property {string} file relative to the repository root
 * @property {number} line 1-based
 * @property {string} text the offending path or expression
 * @property {string} reason
 */

/** @param {string} root @param {string} target */
function isOutside(root, target) {
  const rel = path.relative(root, target);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

/** @param {string} text */
const isRelativePath = (text) => text === '..' || text.startsWith('../') || text.startsWith('./');

/**
 * The reaches outside `root` in one file's text.
 * @param {string} root absolute path of the repository root
 * @param {string} file path relative to the root
 * @param {string} source the file's text
 * @returns {OutsideReach[]}
 */
export function findOutsideReaches(root, file, source) {
  /** @type {OutsideReach[]} */
  const found = [];
  const dir = path.dirname(path.join(root, file));
  const parent = path.dirname(root); // inside-repo: allowed, only to recognise absolute paths beside the repository
  const isCode = CODE.test(file);
  const isCommands = COMMANDS.test(file);
  const lines = source.split('\n');
  for (const [index, line] of lines.entries()) {
    // Comments name paths without reading them.
    if (/^\s*(?:\/\/|\/\*|\*|#)/.test(line)) continue;
    // A deliberate exception says why on its own line: `// inside-repo: allowed, <reason>`.
    if (/\binside-repo: allowed\b/.test(line)) continue;
    /** @param {string} text @param {string} reason */
    const report = (text, reason) => found.push({ file, line: index + 1, text, reason });
    /** Absolute paths into the folder holding the repository, but not into the repository. */
    const checkAbsolute = (/** @type {string} */ text) => {
      if (text.startsWith(`${parent}/`) && isOutside(root, text)) report(text, 'absolute path beside the repository');
    };
    if (isCode) {
      if (PARENT_OF_ROOT.test(line)) report(line.trim(), 'the parent folder of the repository root');
      for (const match of line.matchAll(STRING_LITERAL)) {
        // A template literal counts up to its first substitution.
        const text = (match[2] ?? '').split('${')[0] ?? '';
        checkAbsolute(text);
        if (!isRelativePath(text)) continue;
        if (isOutside(root, path.resolve(dir, text)))
          report(text, `resolves above the repository root from ${path.dirname(file)}/`);
        else if (JOINED_ONTO_ROOT.test(line.slice(0, match.index)) && isOutside(root, path.resolve(root, text))) {
          report(text, 'joined onto the repository root, leaves it');
        }
      }
    }
    if (isCommands) {
      for (const word of line.split(/[\s'"`;|&()<>=,]+/)) {
        checkAbsolute(word);
        if (!isRelativePath(word)) continue;
        if (isOutside(root, path.resolve(root, word)) || isOutside(root, path.resolve(dir, word))) {
          report(word, 'a command path that leaves the repository');
        }
      }
    }
  }
  return found;
}

/**
 * Every file of the repository that the check reads, relative to the root.
 * @param {string} root
 * @returns {string[]}
 */
export function filesToCheck(root) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} rel */
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && (CODE.test(child) || COMMANDS.test(child))) {
        if (statSync(path.join(root, child)).isFile()) files.push(child);
      }
    }
  };
  walk('');
  return files.sort();
}

/**
 * @param {string} root
 * @returns {OutsideReach[]}
 */
export function checkRepository(root) {
  return filesToCheck(root).flatMap((file) =>
    findOutsideReaches(root, file, readFileSync(path.join(root, file), 'utf8')),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const reaches = checkRepository(root);
  for (const r of reaches) process.stderr.write(`${r.file}:${r.line}: ${r.text} (${r.reason})\n`);
  if (reaches.length > 0) {
    process.stderr.write(
      `inside-repo: ${reaches.length} path(s) outside the repository; the project must stand on its own (copy what it needs into it)\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`inside-repo: ${filesToCheck(root).length} files, no path outside the repository\n`);
}
