// Vocabularies: the valid values of a label, taken from the workspace the way the site defines them
// (the page stems or sub-folders of a vocabulary folder), each with the title and first paragraph of
// its page for hover and completion. Built-in lists serve when the folder is absent.
import { findEntry, type ParsedPage } from './frontmatter';
import { stemOf, type ProfileData, type VocabularyData } from './profile';

export interface VocabularyValue {
  value: string;
  /** Root-relative path of the page that defines the value, when there is one. */
  path?: string;
  title?: string;
  /** The first paragraph of the page's body, as written (Markdown). */
  description?: string;
}

export interface Vocabulary {
  name: string;
  label: VocabularyData['label'];
  /** `workspace`: from the folder; `builtin`: the profile's list; `none`: unknown, every value is accepted. */
  source: 'workspace' | 'builtin' | 'none';
  folder?: string;
  acceptExpressions: boolean;
  values: Map<string, VocabularyValue>;
}

/**
 * @param files every Markdown file of the workspace (root-relative)
 * @param page reads and parses a file (cached by the caller); called only when a value's title or description is read
 */
export function buildVocabularies(
  profile: ProfileData,
  files: readonly string[],
  page: (path: string) => ParsedPage | undefined,
): Map<string, Vocabulary> {
  const vocabularies = new Map<string, Vocabulary>();
  for (const [name, data] of Object.entries(profile.vocabularies)) {
    const values = new Map<string, VocabularyValue>();
    let source: Vocabulary['source'] = 'none';
    const prefix = data.folder ? data.folder + '/' : undefined;
    const inFolder = prefix ? files.filter((f) => f.startsWith(prefix)) : [];
    if (prefix && inFolder.length > 0) {
      source = 'workspace';
      for (const file of inFolder.sort()) {
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (data.from === 'folders') {
          if (slash < 0) continue;
          const value = rest.slice(0, slash);
          const index = `${prefix}${value}/index.md`;
          if (!values.has(value)) values.set(value, { value });
          if (file === index) values.set(value, describe(value, file, () => page(file)));
        } else if (slash < 0 && rest !== 'index.md') {
          const value = stemOf(rest);
          values.set(value, describe(value, file, () => page(file)));
        }
      }
      for (const value of data.extra ?? []) {
        const index = `${profile.docsDir}/${value}/index.md`;
        values.set(value, files.includes(index) ? describe(value, index, () => page(index)) : { value });
      }
    } else if (data.builtin) {
      source = 'builtin';
      for (const value of data.builtin) values.set(value, { value });
    }
    vocabularies.set(name, { name, label: data.label, source, folder: data.folder, acceptExpressions: Boolean(data.acceptExpressions), values });
  }
  // The labels of expressions: `<vocabulary>-<value>` of the vocabularies they name (built above).
  for (const [name, data] of Object.entries(profile.vocabularies)) {
    const own = vocabularies.get(name)!;
    for (const group of data.expressionLabels ?? []) {
      for (const value of vocabularies.get(group)?.values.keys() ?? []) {
        const label = `${group}-${value}`;
        if (!own.values.has(label)) own.values.set(label, { value: label });
      }
    }
    if (own.values.size > 0 && own.source === 'none') own.source = 'builtin';
  }
  return vocabularies;
}

/** A value defined by a page; its title and description are read from the page when asked (and as it is then). */
function describe(value: string, path: string, page: () => ParsedPage | undefined): VocabularyValue {
  return {
    value,
    path,
    get title() {
      const parsed = page();
      return parsed && pageTitle(parsed);
    },
    get description() {
      const parsed = page();
      return parsed && firstParagraph(parsed.text.slice(parsed.bodyStart));
    },
  };
}

/** A page's title as the site shows it: the frontmatter `title`, else the first level-1 heading. */
export function pageTitle(parsed: ParsedPage): string | undefined {
  const title = findEntry(parsed.frontmatter?.entries ?? [], 'title')?.value;
  if (title?.kind === 'scalar' && title.value !== null) return String(title.value).trim();
  return /^#\s+(.+)$/m.exec(parsed.text.slice(parsed.bodyStart))?.[1]?.trim();
}

/** A page's `id` when it is text (a URN, well-formed or not); undefined without one. */
export function pageId(parsed: ParsedPage): string | undefined {
  const id = findEntry(parsed.frontmatter?.entries ?? [], 'id')?.value;
  return id?.kind === 'scalar' && typeof id.value === 'string' ? id.value : undefined;
}

/** The first paragraph of prose: skips headings, images, HTML, tables, admonitions, tabs and fences. */
export function firstParagraph(body: string): string | undefined {
  const lines = body.split(/\r\n|\r|\n/);
  const paragraph: string[] = [];
  let inFence = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) {
      inFence = !inFence;
      if (paragraph.length) break;
      continue;
    }
    if (inFence) continue;
    if (trimmed === '') {
      if (paragraph.length) break;
      continue;
    }
    const skip = /^(#|!\[|<|\||---|===|\?\?\?|!!!|\[\^|\*\[|\{)/.test(trimmed);
    if (skip) {
      if (paragraph.length) break;
      continue;
    }
    paragraph.push(trimmed);
  }
  return paragraph.length ? paragraph.join(' ') : undefined;
}
