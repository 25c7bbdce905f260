// Contracts of the body: what a page of each type holds below its frontmatter, as profile data (BodyContract in
// ../profile.ts) taken from the upstream templates and the published pages: its level-2 sections in their order,
// the comments the site's hooks replace (`<!-- tags -->`), and its own lists (a requirement's
// `list_maatregelen vereiste/<its stem>`, a measure's `list_vereisten_on_maatregelen_page`).
import type { LinkGraph } from '../links';
import { siteMeta } from '../links';
import { findCodeRanges, isInCode } from '../markdown';
import type { BodyContract, SectionData } from '../profile';
import { escapeRegExp } from '../text';
import type { Language, Range } from '../types';
import type { PageModel, Snapshot } from '../workspaceIndex';
import type { DiagnosticBuilder } from './diagnostics';

export interface Heading {
  /** The heading text without `#`s and an attribute list (`{ data-search-exclude }`), trimmed. */
  text: string;
  /** `text` in lower case, as sections are compared. */
  lower: string;
  level: number;
  line: number;
  /** Offsets of the heading line (without its line break). */
  start: number;
  end: number;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Whether the text from `from` has a backtick or a tilde: what every fence and code span needs. */
function hasCodeMarks(text: string, from: number): boolean {
  return text.indexOf('`', from) >= 0 || text.indexOf('~', from) >= 0;
}

/** The ATX headings of the page's body, outside code. */
function headingsOf(page: PageModel): Heading[] {
  const headings: Heading[] = [];
  const { text: pageText, lines } = page;
  let code: ReturnType<typeof findCodeRanges> | undefined;
  // Only lines with a `#` can be headings: from one `#` to the line it is on, then on from the next line.
  for (let at = pageText.indexOf('#', page.bodyStart); at >= 0; ) {
    const line = lines.positionAt(at).line;
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    at = end < pageText.length ? pageText.indexOf('#', end + 1) : -1;
    if (start < page.bodyStart || !startsWithHash(pageText, start, end)) continue;
    const m = HEADING.exec(pageText.slice(start, end));
    if (!m) continue;
    // A heading line starts at most 3 columns in, so only a fence or a code span can make it code: without
    // a backtick or a tilde in the body (most pages), there is nothing to scan for.
    code ??= hasCodeMarks(page.text, page.bodyStart) ? findCodeRanges(page.text, page.bodyStart) : [];
    if (isInCode(code, start)) continue;
    const text = m[2].replace(/\s*\{[^}]*\}\s*$/, '').trim();
    headings.push({ text, lower: text.toLowerCase(), level: m[1].length, line, start, end });
  }
  return headings;
}

/** Whether the line `text[start, end)` has a `#` after at most 3 spaces: what every ATX heading starts with. */
function startsWithHash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end && i <= start + 3; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return true;
    if (c !== 32) return false;
  }
  return false;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The lower case of a section's heading and its other names, made once per section (the profile's data is fixed). */
const sectionNames = new WeakMap<SectionData, string[]>();
/** Whether `lower` (a heading's text in lower case) names `section`. */
const namesSection = (section: SectionData, lower: string) => {
  let names = sectionNames.get(section);
  if (!names) sectionNames.set(section, (names = [section.heading, ...(section.also ?? [])].map((n) => n.toLowerCase())));
  return names.includes(lower);
};
const isSection = (section: SectionData, text: string) => namesSection(section, text.toLowerCase());

/** Lower-case characters that are not ASCII but whose lower case is (U+0130 İ → i̇, U+212A Kelvin sign → k). */
const FOLDING_TO_ASCII = ['\u0130', '\u212a'];
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const markerPatterns = new Map<string, RegExp>();

/**
 * Whether `text` from `from` on contains `marker`, ignoring case as `toLowerCase` does. For an ASCII marker in
 * a text without the two characters whose lower case is ASCII though they are not, that is an ASCII
 * case-insensitive search (a case-insensitive RegExp without the u flag never matches a non-ASCII character to
 * an ASCII one), which spares lowering the whole body of every page. Exported for its test.
 */
export function containsIgnoringCase(text: string, from: number, marker: string): boolean {
  if (ASCII_ONLY.test(marker) && FOLDING_TO_ASCII.every((c) => text.indexOf(c, from) < 0)) {
    let pattern = markerPatterns.get(marker);
    if (!pattern) markerPatterns.set(marker, (pattern = new RegExp(escapeRegExp(marker), 'gi')));
    pattern.lastIndex = from;
    return pattern.test(text);
  }
  return text.slice(from).toLowerCase().includes(marker.toLowerCase());
}

/** The contract's findings on a page of a type that has one. */
export function bodyDiagnostics(snapshot: Snapshot, links: LinkGraph, page: PageModel, out: DiagnosticBuilder): void {
  const contract = page.pageType?.body;
  if (!contract || !page.frontmatter || page.frontmatter.status !== 'closed') return;
  const type = page.pageType!.type;
  const sections = headingsOf(page).filter((h) => h.level === 2);
  const present = (data: SectionData) => sections.find((h) => namesSection(data, h.lower));
  checkSections(contract, type, sections, page, out);
  checkMarkers(contract, page, out, present, sections);
  checkOwnLists(snapshot, links, contract, page, out, present);
}

/** Where the body's text ends: the end of its last line that is not blank. */
function endOfText(page: PageModel): Range {
  const end = page.text.replace(/\s+$/, '').length;
  return page.lines.range(Math.max(end, page.bodyStart), Math.max(end, page.bodyStart));
}

function checkSections(contract: BodyContract, type: string, sections: Heading[], page: PageModel, out: DiagnosticBuilder): void {
  const ordered = contract.sections.filter((s) => s.ordered !== false);
  // Order: each section after the furthest one before it in the template is out of place.
  let furthest = -1;
  for (const heading of sections) {
    const index = ordered.findIndex((s) => namesSection(s, heading.lower));
    if (index < 0) continue;
    if (index < furthest) {
      out.add('body.section-order', page.lines.range(heading.start, heading.end), { pageType: type, section: ordered[index].heading, after: ordered[furthest].heading });
    } else furthest = index;
  }
  // Missing: reported where it belongs, before the next section of the template that the page has.
  contract.sections.forEach((section, i) => {
    if (!section.required || sections.some((h) => namesSection(section, h.lower))) return;
    const next = contract.sections.slice(i + 1).filter((s) => s.ordered !== false);
    const earlier = contract.sections.slice(0, i).some((s) => sections.some((h) => namesSection(s, h.lower)));
    // Before the next section of the template the page has; with none before it either, before the page's first.
    const before = sections.find((h) => next.some((s) => namesSection(s, h.lower))) ?? (earlier ? undefined : sections[0]);
    const range = before ? page.lines.range(before.start, before.end) : endOfText(page);
    out.add('body.missing-section', range, { pageType: type, section: section.heading, before: before?.text ?? null, insert: section.insert });
  });
}

/**
 * Comments the hooks replace. One that belongs in a section is needed only while the section has no text of its
 * own: an author may write there what the hook would have put (a requirement's own "Van toepassing op").
 */
function checkMarkers(contract: BodyContract, page: PageModel, out: DiagnosticBuilder, present: (s: SectionData) => Heading | undefined, sections: Heading[]): void {
  for (const marker of contract.markers ?? []) {
    if (containsIgnoringCase(page.text, page.bodyStart, marker.text)) continue;
    const data = marker.section ? contract.sections.find((s) => same(s.heading, marker.section!)) : undefined;
    const heading = data && present(data);
    if (marker.section && !heading) continue; // the missing section is reported; its marker goes with it
    if (heading) {
      const next = sections.find((h) => h.start > heading.start);
      const own = page.text.slice(heading.end, next ? next.start : page.text.length).replace(/<!--[\s\S]*?-->/g, '');
      if (/\S/.test(own)) continue;
    }
    // In its section, on the heading; at the top, on the body's first line with text.
    const firstText = page.bodyStart + (/\S/.exec(page.text.slice(page.bodyStart))?.index ?? 0);
    const range = heading ? page.lines.range(heading.start, heading.end) : page.lines.range(firstText, page.lines.lineEnd(page.lines.positionAt(firstText).line));
    out.add('body.missing-marker', range, { marker: marker.text, section: marker.section ?? null, shows: marker.shows?.[out.language as Language] ?? '' });
  }
}

function checkOwnLists(
  snapshot: Snapshot,
  links: LinkGraph,
  contract: BodyContract,
  page: PageModel,
  out: DiagnosticBuilder,
  present: (s: SectionData) => Heading | undefined,
): void {
  const { directives, nearMisses } = links.scan(page.path);
  const profile = snapshot.profile!;
  for (const rule of contract.ownLists ?? []) {
    const named = directives.filter((d) => d.name === rule.name);
    // A comment the site does not expand (misspelt, in code, split) is reported as such already.
    if (nearMisses.some((m) => same(m.written, rule.name))) continue;
    let count = 0;
    if (rule.filterKey) {
      const filters = named.flatMap((d) => d.filters.filter((f) => f.key === rule.filterKey));
      // Present, or copied with another page's stem (directive.foreign-stem says so, with the fix).
      if (filters.length > 0) continue;
    } else {
      if (named.length > 0) continue;
      const values = rule.whenKey ? siteMeta(page)[rule.whenKey] : undefined;
      count = Array.isArray(values) ? values.filter((v) => typeof v === 'string' && v !== '').length : 0;
      if (count === 0) continue;
    }
    const data = contract.sections.find((s) => isSection(s, rule.section));
    const heading = data && present(data);
    const target = profile.directives.lists.find((l) => l.name === rule.name)?.target ?? profile.directives.ownLists.find((o) => o.name === rule.name)?.target ?? '';
    const firstLine = page.lines.lineRange(page.lines.positionAt(page.bodyStart).line);
    out.add('body.missing-own-list', heading ? page.lines.range(heading.start, heading.end) : firstLine, {
      name: rule.name,
      target,
      filterKey: rule.filterKey ?? null,
      whenKey: rule.whenKey ?? null,
      count,
      section: rule.section,
      sectionPresent: Boolean(heading),
      insert: rule.insert.replace('{stem}', page.stem),
    });
  }
}
