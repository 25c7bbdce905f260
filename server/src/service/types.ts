// The language service's public types: the workspace it reads, the options it takes, and the
// diagnostics it produces (stable codes with typed `data` that quick fixes read).
// Positions and ranges are LSP's: 0-based lines, UTF-16 code units, of the document as an editor
// shows it (a UTF-8 byte order mark is not part of the text).
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';

export type { Diagnostic, DiagnosticRelatedInformation, Position, Range } from 'vscode-languageserver-types';

/** The files of one content root (the folder that holds `docs/`). Paths are root-relative, POSIX (`docs/a/b.md`). */
export interface Workspace {
  /** Every Markdown (`.md`) file under the root, in any order. */
  listMarkdownFiles(): readonly string[];
  /** The text of a root-relative file; `undefined` when it does not exist or cannot be read. Open documents win over disk. */
  readFile(path: string): string | undefined;
  /**
   * A tag that changes whenever `readFile(path)` may answer differently (an editor version, a disk mtime).
   * `undefined` means "unknown": the service then re-reads the file on every request.
   */
  version(path: string): string | number | undefined;
  /** The URI of a root-relative path, for relatedInformation and links. */
  uri(path: string): string;
  /** Subscribe to changes: `paths` changed, appeared or disappeared. Returns an unsubscribe function. */
  onDidChange?(listener: (paths: readonly string[]) => void): () => void;
  /**
   * Where the file's bytes stop being valid UTF-8, as an offset in `readFile`'s text without its BOM (the
   * text has U+FFFD there), or `undefined` when they are valid (or the text did not come from bytes).
   */
  notUtf8?(path: string): number | undefined;
  /** Folders reached a second time through symbolic links, each listed once under `first`. */
  reachedTwice?(): readonly { path: string; first: string }[];
  /** Why the last `readFile(path)` gave `undefined`: the file is missing, not a regular file, too large, outside the root, or not permitted. */
  whyUnreadable?(path: string): 'missing' | 'not-a-file' | 'too-large' | 'outside-root' | 'no-permission' | undefined;
}

export type Language = 'nl' | 'en';

/** `auto` detects the profile from the folder layout; a name forces a built-in profile. */
export type ProfileSetting = 'auto' | string;

export interface ServiceOptions {
  /** Language of every message the service writes. */
  language: Language;
  /** Content profile: `auto`, a built-in profile name, or (from the config file) a path to a profile data file. */
  profile: ProfileSetting;
  /**
   * Whether the workspace is trusted (VS Code's workspace trust). `false`: only the built-in schemas and
   * profiles are used; the config file's own schema and profile files are neither read nor compiled.
   * `undefined` means trusted (the CLI, tests).
   */
  trusted?: boolean;
}

export const DIAGNOSTIC_SOURCE = 'algoritmekader';

/**
 * Every diagnostic code with the shape of its `data`. Codes are stable: tests, quick fixes and users'
 * CI filters depend on them. Add codes; never rename them.
 */
export interface DiagnosticDataByCode {
  /** The YAML between the `---` lines does not parse; the site then ignores all of the page's metadata. */
  'frontmatter.yaml-syntax': { yamlCode: string };
  /** The frontmatter is far larger than any real one (`chars` characters, over `limit`): it is not read, so not checked. */
  'frontmatter.too-large': { chars: number; limit: number };
  /** A content page (requirement, measure, tool) has no frontmatter block at all. */
  'frontmatter.missing': { pageType: string };
  /** The opening `---` has no closing `---` (or `...`) line; the site then sees no metadata. */
  'frontmatter.unclosed': Record<string, never>;
  /** The closing `---` is the file's last line without a line break; the site then ignores the block. */
  'frontmatter.close-needs-newline': Record<string, never>;
  /** The frontmatter parses, but to a list or a scalar instead of keys and values. */
  'frontmatter.not-a-mapping': Record<string, never>;
  /** A key the page type's schema does not know. `suggestions`: nearest known keys, best first. */
  /** `path`: where the mapping that holds the key is (`['rekenregels', 0]`); empty for a key of the page itself. */
  'frontmatter.unknown-key': { key: string; pageType: string; suggestions: string[]; path: (string | number)[] };
  /** A key given twice; reported on the occurrence the site ignores. `kept`: range of the key the site keeps (the last). */
  'frontmatter.duplicate-key': { key: string; kept: Range };
  /** A key the page type requires is absent. Range: the frontmatter's first line. */
  'frontmatter.missing-key': { key: string; pageType: string; example?: unknown };
  /** A value of the wrong type (a string where a list is expected, an empty value). */
  'frontmatter.wrong-type': { key: string; path: (string | number)[]; expected: string; actual: string };
  /** A value outside its vocabulary. `caseOnly`: the value differs from `suggestions[0]` in case only. */
  'frontmatter.unknown-value': {
    key: string;
    path: (string | number)[];
    value: string;
    vocabulary: string;
    suggestions: string[];
    caseOnly: boolean;
  };
  /** The same value twice in one list. `first`: range of the first occurrence. */
  'frontmatter.duplicate-value': { key: string; value: string; index: number; first: Range };
  /**
   * Text where a list is expected, on a key the site tests with Python's `in` (the theme's `"navigation" in
   * page.meta.hide`), which on text finds a value inside it. `applied`: the vocabulary values the site finds in
   * the text (what it does); `written`: the words of the text; `same`: the two agree, so the reader sees no
   * difference and the finding is a hint.
   */
  'frontmatter.list-as-text': { key: string; value: string; applied: string[]; written: string[]; same: boolean };
  /** An empty list where at least one value is expected. */
  'frontmatter.empty-list': { key: string };
  /** The `id` does not have the URN form of its page type. */
  'frontmatter.id-format': { value: string; expected: string; example: string };
  /** The same `id` on another page. relatedInformation points at the other file(s). */
  'frontmatter.duplicate-id': { value: string; others: string[] };
  /** The file name does not start with the last part of the URN (an optional `<digit>-` before it is allowed). */
  'frontmatter.id-filename-mismatch': { value: string; code: string; fileName: string };
  /** `title` ends in a period (the templates say: no period after the title). */
  'frontmatter.title-period': { title: string };
  /** `toelichting` is longer than the templates' 40 words. */
  'frontmatter.toelichting-too-long': { words: number; max: number };
  /** Any other schema rule (from a workspace's own schema, say); `message` is the schema validator's. */
  'frontmatter.schema': { key: string; path: (string | number)[]; keyword: string; detail: string };
  /** A directive filters on a key that no page of the listed type uses, so it lists nothing. */
  'directive.unknown-filter-key': { name: string; key: string; suggestions: string[] };
  /** A filter value outside its domain: no such page (`vereiste/<stem>`), or not in the label's vocabulary. */
  'directive.unknown-filter-value': { key: string; value: string; domain: string; suggestions: string[]; caseOnly: boolean };
  /** On a page of type T, a filter on T's own key names another page (the classic copy from a template or another page). */
  'directive.foreign-stem': { key: string; value: string; own: string };
  /** The directive is expanded but lists no page. */
  'directive.empty': { name: string; params: string };
  /** A `key/value` token the site ignores: only the first token filters. */
  'directive.ignored-filter': { token: string; used: string | null };
  /** A token the site ignores. `reason`: an unknown column flag, a flag where flags are not read, or neither filter nor flag. */
  'directive.ignored-token': { token: string; reason: 'unknown-flag' | 'flag-position' | 'not-a-flag' | 'malformed'; columns: string[] };
  /** The parameters are glued to the name (`list_vereisten_all`): the site reads `name` with the token `token`. */
  'directive.glued-name': { written: string; name: string; token: string };
  /** 2024: a token that is not exactly one `key/value`; the build fails when a candidate page reaches it. */
  'directive.malformed-token': { token: string };
  /** A comment that looks like a directive but that the site does not expand. */
  'directive.not-expanded': { reason: 'in-code' | 'unclosed' | 'multi-line' | 'unknown-name' | 'no-params' | 'spacing'; written: string; suggestions: string[] };
  /** A filter matches some pages only because their label holds a string (the site then tests substring containment). */
  'directive.string-match': { key: string; value: string; pages: string[] };
  /** The site raises on this directive: a candidate's value for the key is empty (null) or not a list, or a malformed token is reached. */
  'directive.raises': { cause: 'null-value' | 'malformed'; key: string | null; page: string; effect: 'breaks-build' | 'drops-lists'; dropped: number };
  /** The directive is not expanded because an earlier directive on the page made the site's hook give up. */
  'directive.dropped': { by: string; line: number };
  /** A `vereiste:`/`maatregel:` entry names no existing page (exact and case-sensitive, like the site). */
  'reference.unknown-target': { key: string; value: string; targetType: string; suggestions: string[]; caseOnly: boolean };
  /** The file is not valid UTF-8 from here on; MkDocs refuses to read it, and the build fails. */
  'file.not-utf8': Record<string, never>;
  /** Checking the page failed inside this tool (a defect of ours, not of the page); `reason` is the error. The other pages are checked as usual. */
  'file.not-checked': { reason: string };
  /**
   * A glossary term (includes/begrippenlijst.md) defined again further down: the site's tooltip uses the later
   * definition (`line`, 0-based), so this one has no effect. `same`: both say the same.
   */
  'glossary.duplicate-term': { term: string; line: number; same: boolean };
  /** A glossary line with no definition (or no term): the site makes no tooltip of it. */
  'glossary.empty-definition': { term: string };
  /**
   * The page lacks a section its type's template (and the published pages) give every page. `before`: the
   * heading of the next section present, where it belongs (null: at the end); `insert`: the template's heading line.
   */
  'body.missing-section': { pageType: string; section: string; before: string | null; insert: string };
  /** A section comes after `after`, which the template and the published pages put after it. */
  'body.section-order': { pageType: string; section: string; after: string };
  /** A comment the site's hook replaces is missing, so the reader misses what it puts there (`shows`). */
  'body.missing-marker': { marker: string; section: string | null; shows: string };
  /**
   * The page lacks its own list: a requirement's `list_maatregelen vereiste/<its stem>` (`filterKey`), or a
   * measure's or tool's own list of the pages its `whenKey` names (`count` of them). `insert`: the comment.
   */
  'body.missing-own-list': { name: string; target: string; filterKey: string | null; whenKey: string | null; count: number; section: string; sectionPresent: boolean; insert: string };
  /**
   * An `uitzondering` expression the site's script cannot read (it evaluates it as JavaScript and, on an error,
   * never applies the exception). `problem`: what is wrong at the range; `token`: the text there ('' at the end).
   */
  'expression.syntax': { key: string; expression: string; problem: 'unexpected' | 'missing-operator' | 'missing-operand' | 'unclosed'; token: string };
  /** A label in an expression that the site's filter never sets (`<group>-<value>` of the AI Act labels). */
  'expression.unknown-label': { key: string; label: string; suggestions: string[]; caseOnly: boolean };
  /** A single `|` or `&` in an expression: JavaScript's bitwise operator, which works like `||`/`&&` here only by accident. */
  'expression.single-operator': { operator: string };
  /** The file name contains whitespace; the site's URL and stem lookups mangle it. */
  'file.whitespace-in-name': { name: string };
  /** The file name ends in `.md.md`; its stem then ends in `.md` and references by name miss it. */
  'file.double-extension': { name: string };
  /** Another file's path differs only in upper/lower case; on case-insensitive systems one overwrites the other. */
  'file.case-conflict': { name: string; others: string[] };
  /** The content root matches none of the known content profiles. `looksLikeDocs`: the folder holds what belongs under docs/ (the author opened or gave docs/ itself). */
  'workspace.unknown-layout': { root: string; profiles: string[]; looksLikeDocs: boolean };
  /** A folder is reached again through a symbolic link (`path`); its pages are checked once, under `first`, and built twice by the site. */
  'workspace.folder-reached-twice': { path: string; first: string };
  /** The workspace's config file or its own schema/profile file cannot be used. */
  'workspace.config': { file: string; detail: string };
  /** The workspace is not trusted, so the config file's own `schemas` or `profile` file is not used (built-ins serve). */
  'workspace.untrusted': { file: string; key: 'profile' | 'schemas' };
  /**
   * A vocabulary folder exists but yields no values (pages where the site reads sub-folders, or the other way
   * round), so every value of the label passes unchecked. `from`: what the site reads there.
   */
  'workspace.empty-vocabulary': { vocabulary: string; folder: string; from: 'pages' | 'folders' };
}

export type DiagnosticCode = keyof DiagnosticDataByCode;

/** A diagnostic whose `code` and `data` belong together. */
export type AkDiagnostic<C extends DiagnosticCode = DiagnosticCode> = Omit<Diagnostic, 'message' | 'code' | 'data'> & {
  /** Always plain text: the CLI prints it and the server sends it as is. */
  message: string;
  code: C;
  source: typeof DIAGNOSTIC_SOURCE;
  data: DiagnosticDataByCode[C];
  relatedInformation?: DiagnosticRelatedInformation[];
};

/** The diagnostics of one file, by root-relative path. `.` holds findings about the content root itself. */
export interface FileDiagnostics {
  path: string;
  diagnostics: AkDiagnostic[];
}
