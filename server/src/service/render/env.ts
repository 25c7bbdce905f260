// What one render hands the markdown-it rules: set by the renderer (server, `ak render`) or, in VS Code's
// own Markdown preview, by the extension from the data the server sent for the document. The rules of
// this renderer do nothing without it, so a Markdown file outside the content keeps VS Code's rendering.

/** A list directive's replacement: where its comment is and the HTML (already sanitized) that stands there. */
export interface DirectiveReplacement {
  /** The comment as written. */
  source: string;
  /** 0-based line and UTF-16 column of the comment in the page's text. */
  line: number;
  character: number;
  /** Sanitized HTML: a table with `data-list`, or a note saying why there is none. */
  html: string;
}

/** Everything the markdown-it rules need to draw one page as the site does, beyond its text. */
export interface PageRenderData {
  /** Root-relative path of the page (`docs/…/x.md`). */
  path: string;
  /** The page's title (its `h1` when the body has none). */
  title: string;
  /**
   * 0-based line where the Markdown the site reads starts: after the frontmatter block, or 0 when the site
   * sees no metadata (then the block is Markdown too).
   */
  bodyLine: number;
  /** Comment → Markdown that the tags hook puts in its place (the chips row), e.g. `<!-- tags -->`. */
  chips: { comment: string; markdown: string }[];
  /** Every list directive of the page, in text order. */
  directives: DirectiveReplacement[];
  /** Markdown the site appends to every page (`pymdownx.snippets` `auto_append`): the glossary. */
  appended: string;
}

/** The markdown-it `env` of a render: the page's data, and the set counters the rules keep per render. */
export interface AkEnv {
  ak: PageRenderData;
}

export function isAkEnv(env: unknown): env is AkEnv {
  return typeof env === 'object' && env !== null && typeof (env as Partial<AkEnv>).ak === 'object' && (env as Partial<AkEnv>).ak !== null;
}
