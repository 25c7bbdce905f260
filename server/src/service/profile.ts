// Content profiles: what a content tree looks like in one era of the upstream content model — its
// folders, page types, vocabularies and how the site's hooks expand `list_*` directives. A profile is
// data (schemas/profiles/*.json, checked against schemas/profile.schema.json); this module only
// types it, picks one for a tree, and answers questions about paths.
import profile2024 from '../../../schemas/profiles/2024.json';
import profileCurrent from '../../../schemas/profiles/current.json';
import profileTransitional from '../../../schemas/profiles/transitional.json';

type Text = { en: string; nl: string };

export interface PageTypeData {
  /** Name used in messages, schemas and `ak graph` (`vereiste`, `maatregel`, ...). */
  type: string;
  label: Text;
  /** Root-relative folder; every `.md` below it (except overview pages) is a page of this type. */
  folder: string;
  /** Schema file, relative to `schemas/`. */
  schema: string;
  /** What the body of a page of this type holds, from the upstream templates and the published pages. */
  body?: BodyContract;
}

/**
 * The contract of a page type's body: its level-2 sections in their order, the comments the site's hooks
 * replace (markers), and the page's own lists. Only what the published pages keep: a rule most pages break
 * belongs to another era or is not a rule.
 */
export interface BodyContract {
  sections: SectionData[];
  markers?: MarkerData[];
  ownLists?: OwnListRule[];
}

export interface SectionData {
  /** The heading text (without `## ` and an attribute list `{ … }`), compared ignoring case. */
  heading: string;
  /** Other headings that are the same section to the reader (`Bijbehorende vereisten` for `…vereiste(n)`). */
  also?: string[];
  /** The page must have it. */
  required?: boolean;
  /** False: its place varies on the published pages, so its order is not checked. */
  ordered?: boolean;
  /** The heading line as the template writes it, for the quick fix (`## Maatregelen { data-search-exclude }`). */
  insert: string;
}

export interface MarkerData {
  /** The comment a hook replaces, as written (matched ignoring case, as the hook does). */
  text: string;
  /** The section it belongs in; absent: at the top of the body. */
  section?: string;
  /** What the site puts in its place (for the message). */
  shows?: Text;
}

export interface OwnListRule {
  /** The directive's name. */
  name: string;
  /** For a generic list: the filter key whose value must be the page's own stem (`vereiste/<stem>`). */
  filterKey?: string;
  /** Required only when the page's frontmatter lists values under this key (`vereiste:` on a measure). */
  whenKey?: string;
  /** The section it belongs in. */
  section: string;
  /** The comment as the templates write it; `{stem}` is the page's stem. */
  insert: string;
}

export interface VocabularyData {
  label: Text;
  /** Where the site takes the values from: page stems of `folder` (not `index`), or its sub-folders. */
  from?: 'pages' | 'folders';
  folder?: string;
  /** Values the site accepts besides the folder's (e.g. `governance` for bouwblok in 2024). */
  extra?: string[];
  /** Values used when `folder` is absent (or when there is no folder at all). */
  builtin?: string[];
  /** Values with quotes, parentheses, `||` or `&&` are logical expressions, accepted as they are. */
  acceptExpressions?: boolean;
  /**
   * The vocabularies whose values, as `<vocabulary>-<value>`, are the labels an expression names (the AI Act
   * labels the site's filter sets); they are this vocabulary's values too.
   */
  expressionLabels?: string[];
  /** False for values that are not labels on the site (`hide`: page parts to hide); the preview leaves them out. */
  shownAsLabel?: boolean;
}

export interface DirectiveListData {
  /** The comment name, e.g. `list_maatregelen`. */
  name: string;
  /** Page type whose pages are listed. */
  target: string;
}

export interface OwnListData {
  /** Exact comment name, e.g. `list_vereisten_on_maatregelen_page`. */
  name: string;
  /** Frontmatter key of the page itself whose values are listed. */
  key: string;
  /** Page type the values name (by file stem). */
  target: string;
  caseSensitive: boolean;
  /** The rule applies only on pages whose docs-relative path contains one of these; absent: on every page. */
  onPathsContaining?: string[];
  /** When the key holds a string instead of a list: `substring` lists every target whose stem occurs in it; `characters` looks up each character (so lists nothing). */
  stringValue: 'substring' | 'characters';
}

export interface DirectiveData {
  /** Generic lists, in the order the site's hook replaces them. */
  lists: DirectiveListData[];
  /** `space`: the name must be followed by exactly one space; `glued`: whatever follows the name is parameters. */
  afterName: 'space' | 'glued';
  /** `all`: every token is a `key/value` filter (AND); `first`: only the first token, and only if it is `key/value`. */
  filterTokens: 'all' | 'first';
  /** What the site does with a token that is not exactly one `key/value`: the build fails, or the token is ignored. */
  malformedToken: 'breaks-build' | 'ignored';
  /** Which tokens may be column flags: `none`, every token after the first, or any token. */
  flagTokens: 'none' | 'after-first' | 'any';
  flagPrefixes: string[];
  /** Columns a flag may name, per target page type (`*` for the others). */
  columns: Record<string, string[]>;
  /** Whether `index.md` files in the target folder are listed. */
  indexPagesListed: boolean;
  /** What happens when a filter meets a candidate whose value for the key is empty (null): the build fails, or the site silently drops this and every later list on the page. */
  nullValue: 'breaks-build' | 'drops-lists';
  /** Lists of the page's own references, replaced before the generic lists. */
  ownLists: OwnListData[];
  /** The columns of the table the site puts in a list's place, per target page type (`*` for the others); for the preview. */
  table?: Record<string, TableColumnData[]>;
}

export interface TableColumnData {
  /** The header as the site writes it. */
  header: string;
  /** What a cell shows: `title` (the page's title), `id` (its URN without the prefix), or a frontmatter key's values. */
  value: string;
  /** The column name a `no-`/`add-` flag uses to hide or show it; absent: always shown. */
  column?: string;
  /** Hidden unless an `add-` flag shows it. */
  hidden?: boolean;
  /** How the site draws the cell: a link to the listed page (default for `title`), chips linking to vocabulary pages, text (default), or a law code. */
  show?: 'link' | 'chips' | 'text' | 'law';
  /** `law`: codes shown as the code with its definition as a tooltip; others as the glossary's full name. */
  keep?: string[];
}

/** One chip of a chips row: a frontmatter key's values, as the site's tags hook draws them. */
export interface ChipData {
  key: string;
  /** The icon's emoji name (`material-reload`). */
  icon: string;
  /** Docs-relative page the icon links to (2024); absent: the icon is no link. */
  iconLink?: string;
  iconLinkByValue?: Record<string, string>;
  iconTitle?: string;
  /** The accent colour (`data-md-color-accent`). */
  color: string;
  /** `last6`: the value's last 6 characters; `capitalize`: Python's `str.capitalize()`, `-` → space, then `replace`. */
  text: 'last6' | 'capitalize';
  replace?: [string, string][];
  /** Docs-relative page (and anchor) the text links to, `{value}` replaced; absent: plain text. */
  link?: string;
  linkByValue?: Record<string, string>;
}

export interface ChipsRowData {
  /** The comment the hook replaces, e.g. `<!-- tags -->`. */
  comment: string;
  iconLinks?: boolean;
  /** A key that holds a string: one chip (default), or one per character (2024's loop over the value). */
  stringValue?: 'one' | 'characters';
  /** Values without a chip. */
  skip?: string[];
  /** Text before the chips when `key` starts with `prefix`; otherwise `otherwise` instead of the chips. */
  lead?: { key: string; prefix: string; matched: string; otherwise: string };
  chips: ChipData[];
}

export interface OwnTableData {
  headers: string[];
  /** Per column: `id` (the URN after its prefix), `title`, or a frontmatter key. */
  cells: string[];
  /** `written`: the page's values in order, an unknown one as a row of its own; `site`: the listed pages in file order. */
  order: 'written' | 'site';
  /** What stands there instead of a table when the page names nothing. */
  empty?: string;
}

/** What the site draws beyond a page's Markdown: appended files, chips rows, own lists' tables. */
export interface RenderData {
  append?: string[];
  chips?: ChipsRowData[];
  ownTables?: Record<string, OwnTableData>;
}

/** A rule of the site's list hook, as a regular expression over its text: it must occur (or, `absent`, must not). */
export interface HookRule {
  pattern: string;
  absent?: boolean;
  /** What the rule means for the site, for the explanation of the choice. */
  means: Text;
}

export interface ProfileData {
  name: string;
  label: Text;
  description: Text;
  /**
   * Auto-detection: every `all` folder and at least one `any` folder exist, no `none` folder does. Higher
   * `priority` is tried first. `hook`: the rules of the site's list hook that mark this profile (chooseProfile).
   */
  detect: { priority: number; all?: string[]; any?: string[]; none?: string[]; hook?: HookRule[] };
  /** The folder MkDocs builds; the site's paths (`src_path`) are relative to it. */
  docsDir: string;
  pageTypes: PageTypeData[];
  /** File names in page-type folders that are overviews, not pages of the type. */
  overviewPages: string[];
  vocabularies: Record<string, VocabularyData>;
  directives: DirectiveData;
  /** How the preview and `ak render` draw a page as the site does; absent: the Markdown alone. */
  render?: RenderData;
}

export const BUILTIN_PROFILES: readonly ProfileData[] = [profileCurrent, profileTransitional, profile2024] as ProfileData[];

export function builtinProfile(name: string): ProfileData | undefined {
  return BUILTIN_PROFILES.find((p) => p.name === name);
}

/** The folders (root-relative, no trailing slash) that hold at least one of `files`, with all their ancestors. */
export function foldersOf(files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    let slash = file.lastIndexOf('/');
    while (slash > 0) {
      const folder = file.slice(0, slash);
      if (folders.has(folder)) break;
      folders.add(folder);
      slash = folder.lastIndexOf('/');
    }
  }
  return folders;
}

/** The built-in profile whose detection rule the tree satisfies, or `undefined` when none does. */
export function detectProfile(folders: ReadonlySet<string>, profiles: readonly ProfileData[] = BUILTIN_PROFILES): ProfileData | undefined {
  const ordered = [...profiles].sort((a, b) => b.detect.priority - a.detect.priority);
  return ordered.find((p) => foldersMatch(p, folders, true));
}

/** The site's list hook, relative to the content root: it decides how the directives expand. */
export const HOOK_FILE = 'src/overrides/hooks/lists.py';

/** Why the profile in use was chosen. */
export type ProfileReason =
  | { by: 'setting' }
  | { by: 'config' }
  /** The hook has every rule of the profile (`rules`: what they mean); `folders`: the profile the folders alone give, when another. */
  | { by: 'hook'; file: string; rules: Text[]; folders: string | undefined }
  /** By the folders: there is no hook file, or it has the rules of no profile whose folders are there. */
  | { by: 'folders'; hook: 'absent' | 'unrecognised'; file: string }
  | { by: 'none' };

/**
 * The profile of a tree from its folders and the text of the site's hook (`undefined`: no hook file). The
 * hook decides how the tables are built, so a profile whose rules the hook has wins over what the folders
 * suggest: a branch with the later folders (docs/onderwerpen/) but still the older hook is built with the
 * older rules. Only profiles whose folders are there are considered (their `none` folders aside: that rule
 * is the folder heuristic the hook overrides); of several, the one the folders give, else by priority.
 */
export function chooseProfile(
  folders: ReadonlySet<string>,
  hook: string | undefined,
  profiles: readonly ProfileData[] = BUILTIN_PROFILES,
): { profile: ProfileData | undefined; reason: ProfileReason } {
  const byFolders = detectProfile(folders, profiles);
  if (hook !== undefined) {
    const candidates = [...profiles]
      .sort((a, b) => b.detect.priority - a.detect.priority)
      .filter((p) => p.detect.hook?.length && foldersMatch(p, folders, false) && hookMatches(p, hook));
    const chosen = candidates.find((p) => p === byFolders) ?? candidates[0];
    if (chosen) {
      return { profile: chosen, reason: { by: 'hook', file: HOOK_FILE, rules: chosen.detect.hook!.map((r) => r.means), folders: byFolders && byFolders !== chosen ? byFolders.name : undefined } };
    }
  }
  if (!byFolders) return { profile: undefined, reason: { by: 'none' } };
  return { profile: byFolders, reason: { by: 'folders', hook: hook === undefined ? 'absent' : 'unrecognised', file: HOOK_FILE } };
}

/** Whether the hook text has every rule of the profile. A rule that is not a valid expression never holds. */
function hookMatches(profile: ProfileData, hook: string): boolean {
  return (profile.detect.hook ?? []).every((rule) => {
    try {
      return new RegExp(rule.pattern).test(hook) !== Boolean(rule.absent);
    } catch {
      return false;
    }
  });
}

function foldersMatch({ detect }: ProfileData, folders: ReadonlySet<string>, withNone: boolean): boolean {
  if (detect.all && !detect.all.every((f) => folders.has(f))) return false;
  if (detect.any && !detect.any.some((f) => folders.has(f))) return false;
  if (withNone && detect.none && detect.none.some((f) => folders.has(f))) return false;
  return true;
}

/** The page type of a root-relative path, or `undefined` for pages that are not content pages. */
export function pageTypeOf(profile: ProfileData, path: string): PageTypeData | undefined {
  if (!path.endsWith('.md')) return undefined;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (profile.overviewPages.includes(name)) return undefined;
  return profile.pageTypes.find((t) => path.startsWith(t.folder + '/'));
}

/** The file stem the site uses to name a page: its file name without the last `.md`. */
export function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}

/** The path as the site sees it (`src_path`): relative to the docs folder, or `undefined` outside it. */
export function sitePath(profile: ProfileData, path: string): string | undefined {
  const prefix = profile.docsDir + '/';
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
