"""The main content of rendered pages, normalised for comparison: the site's build and `ak render --format html`.

Usage: python3 normalize.py site|ak HTML_ROOT SITE_URL < pages.json > normalised.json

pages.json lists docs-relative Markdown paths (`vereisten/x.md`). For `site`, a page is HTML_ROOT/x/index.html
(use_directory_urls) and its content is theme mkdocs's `<div role="main">`; for `ak`, HTML_ROOT/x.html and its
`<main class="ak-page">`. Of each page it reports:
- title: the page's title, from <title> (theme mkdocs puts it there before " - site name"; ak as it is);
- chips: each chip outside tables (`.mdx-badge`): the text of its `.mdx-badge__text` and its link target;
- headings: every heading's text in order (ak's own title h1, `.ak-title`, left out);
- sections: per heading (and before the first), the text between it and the next, tables left out;
- tables: per table, its rows as cell texts, and the link targets in it;
- glossary: each `<abbr>`'s text and title, in order.
Link targets are docs-relative page paths (`maatregelen/x.md`, with `#anchor`), or the URL as written when it
points outside the site. Whitespace is collapsed. Left out everywhere, as not the page's content: the
preview's own notes (`.ak-note`), chip icons (`.mdx-badge__icon`), heading permalinks (`.headerlink`), the
lists hook's search and export controls (`.filter-wrapper`, `#export-excel`), footnote back links, scripts,
styles and comments.
"""
import html.parser
import json
import os
import posixpath
import re
import sys
from urllib.parse import unquote, urlsplit

VOID = {'br', 'hr', 'img', 'input', 'col', 'wbr', 'area', 'base', 'link', 'meta', 'param', 'source', 'track', 'embed'}
SKIP_CLASSES = {'ak-note', 'mdx-badge__icon', 'headerlink', 'filter-wrapper', 'footnote-backref', 'ak-title'}
SKIP_IDS = {'export-excel'}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def classes(self):
        return set((self.attrs.get('class') or '').split())


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#root', [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(text):
    tree = Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def find(node, test):
    for child in node.children:
        if isinstance(child, Node):
            if test(child):
                return child
            found = find(child, test)
            if found:
                return found
    return None


def skipped(node):
    return bool(node.classes() & SKIP_CLASSES) or node.attrs.get('id') in SKIP_IDS or node.tag in ('script', 'style')


def text_of(node, tables=True):
    parts = []

    def walk(n):
        for child in n.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skipped(child) and (tables or child.tag != 'table'):
                if child.tag in ('br', 'p', 'li', 'tr', 'td', 'th', 'div', 'summary', 'label', 'dt', 'dd'):
                    parts.append(' ')
                walk(child)
                if child.tag in ('p', 'li', 'td', 'th', 'div', 'summary', 'label'):
                    parts.append(' ')

    walk(node)
    return re.sub(r'\s+', ' ', ''.join(parts)).strip()


class Page:
    def __init__(self, mode, root, site_url, docs_pages, page):
        self.mode = mode
        self.root = root
        self.site_url = site_url
        self.docs_pages = docs_pages
        self.page = page
        stem = page[:-3]
        if mode == 'site':
            self.url_dir = (posixpath.dirname(stem) if stem.endswith('/index') or stem == 'index' else stem) + '/'
            self.file = os.path.join(root, self.url_dir, 'index.html')
        else:
            self.url_dir = posixpath.dirname(page) + '/'
            self.file = os.path.join(root, stem + '.html')

    def target(self, href):
        """A link target as a docs-relative page path (with #anchor), or the URL itself outside the site."""
        if href is None:
            return None
        if href == '':
            return ''
        if self.site_url and href.startswith(self.site_url):
            href = '/' + href[len(self.site_url):]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        anchor = '#' + parts.fragment if parts.fragment else ''
        path = unquote(parts.path)
        if path == '':
            return self.page + anchor
        base = '' if path.startswith('/') else self.url_dir.rstrip('/')
        full = posixpath.normpath(posixpath.join('/', base, path)).lstrip('/')
        if full == '.':
            full = ''
        for candidate in (full, re.sub(r'(^|/)index\.html$', '', full), re.sub(r'\.html$', '.md', full)):
            candidate = candidate.rstrip('/')
            if candidate.endswith('.md') and candidate in self.docs_pages:
                return candidate + anchor
            for md in (candidate + '.md', (candidate + '/' if candidate else '') + 'index.md'):
                if md in self.docs_pages:
                    return md + anchor
        return full + anchor

    def normalise(self):
        if not os.path.exists(self.file):
            return None
        with open(self.file, encoding='utf-8') as f:
            doc = parse(f.read())
        title_node = find(doc, lambda n: n.tag == 'title')
        title = text_of(title_node) if title_node else ''
        if self.mode == 'site':
            main = find(doc, lambda n: n.attrs.get('role') == 'main')
            title = re.sub(r' - [^-]*$', '', title)
        else:
            main = find(doc, lambda n: n.tag == 'main')
        if main is None:
            return None
        out = {'title': title, 'chips': [], 'headings': [], 'sections': [], 'tables': [], 'glossary': []}
        section = {'heading': None, 'parts': []}
        out['sections'].append(section)

        def walk(node, in_table):
            nonlocal section
            for child in node.children:
                if isinstance(child, str):
                    if not in_table:
                        section['parts'].append(child)
                    continue
                if skipped(child):
                    continue
                tag = child.tag
                if re.fullmatch(r'h[1-6]', tag):
                    heading = text_of(child)
                    out['headings'].append(heading)
                    section = {'heading': heading, 'parts': []}
                    out['sections'].append(section)
                    collect(child)
                    continue
                if 'mdx-badge' in child.classes() and not in_table:
                    label = find(child, lambda n: 'mdx-badge__text' in n.classes())
                    link = find(label, lambda n: n.tag == 'a') if label else None
                    out['chips'].append([text_of(label) if label else '', self.target(link.attrs.get('href')) if link else None])
                    collect(child)
                    continue
                if tag == 'table':
                    rows = []
                    links = []
                    for tr in all_nodes(child, 'tr'):
                        rows.append([text_of(c) for c in tr.children if isinstance(c, Node) and c.tag in ('td', 'th')])
                    for a in all_nodes(child, 'a'):
                        links.append(self.target(a.attrs.get('href')))
                    out['tables'].append({'rows': rows, 'links': links})
                    collect(child)
                    continue
                if tag == 'abbr':
                    out['glossary'].append([text_of(child), child.attrs.get('title', '')])
                if tag in ('p', 'li', 'div', 'tr', 'td', 'th', 'br', 'summary', 'label', 'details', 'dt', 'dd') and not in_table:
                    section['parts'].append(' ')
                walk(child, in_table)
                if tag in ('p', 'li', 'div', 'td', 'th', 'summary', 'label') and not in_table:
                    section['parts'].append(' ')

        def collect(node):
            for a in all_nodes(node, 'abbr'):
                out['glossary'].append([text_of(a), a.attrs.get('title', '')])

        walk(main, False)
        out['sections'] = [{'heading': s['heading'], 'text': re.sub(r'\s+', ' ', ''.join(s['parts'])).strip()} for s in out['sections']]
        out['glossary'] = [[t, re.sub(r'\s+', ' ', title).strip()] for t, title in out['glossary']]
        return out


def all_nodes(node, tag):
    found = []
    for child in node.children:
        if isinstance(child, Node):
            if skipped(child):
                continue
            if child.tag == tag:
                found.append(child)
            found.extend(all_nodes(child, tag))
    return found


def main():
    mode, root, site_url = sys.argv[1], sys.argv[2], sys.argv[3]
    request = json.load(sys.stdin)
    docs_pages = set(request['docs'])
    site_path = urlsplit(site_url).path if site_url else ''
    result = {}
    for page in request['pages']:
        result[page] = Page(mode, root, site_url, docs_pages, page).normalise()
    json.dump(result, sys.stdout, ensure_ascii=False)
    del site_path


main()
