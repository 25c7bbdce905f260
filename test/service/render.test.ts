// The renderer: the page as the site shows it. Exact HTML for each of the site's Markdown extensions, the
// chips of the tags hook, the tables of the lists hook, and what the sanitizer leaves of hostile HTML.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { createLanguageService, sanitizeHtml } from '../../server/src/service';
import { algoritmekaderMarkdownIt } from '../../server/src/service/render/markdownIt';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { seeded } from '../seeded';

const C = 'docs/voldoen-aan-wetten-en-regels';
const PAGE = 'docs/over/pagina.md';

/** The HTML of a page of no type with `body` as its text, without the title the renderer adds. */
function body(text: string, files: Record<string, string> = {}): string {
  const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, ...files, [PAGE]: `---\ntitle: T\n---\n${text}` }));
  return service.renderPage(PAGE)!.html.replace(/^<h1 class="ak-title">T<\/h1>\n/, '');
}

describe('renderer: the site\'s Markdown', () => {
  it('admonitions: the class as title, a title of their own, or none; content indented 4 columns', () => {
    assert.equal(
      body('!!! example\n    Een *voorbeeld*.\n\n!!! tip "Let op"\n    Tip.\n\n!!! note ""\n    Zonder titel.\nNiet erin.\n'),
      '<div class="admonition example">\n<p class="admonition-title">Example</p>\n<p>Een <em>voorbeeld</em>.</p>\n</div>\n' +
        '<div class="admonition tip">\n<p class="admonition-title">Let op</p>\n<p>Tip.</p>\n</div>\n' +
        '<div class="admonition note">\n<p>Zonder titel.</p>\n</div>\n<p>Niet erin.</p>\n',
    );
  });

  it('details: ??? closed, ???+ open, the class as summary without a title', () => {
    assert.equal(
      body('??? expander "Bekijk alles"\n    Inhoud.\n\n???+ note\n    Open.\n'),
      '<details class="expander">\n<summary>Bekijk alles</summary>\n<p>Inhoud.</p>\n</details>\n' +
        '<details open="open" class="note">\n<summary>Note</summary>\n<p>Open.</p>\n</details>\n',
    );
  });

  it('content tabs: consecutive tabs are one set of radio inputs, labels and blocks; ===! starts a new set', () => {
    assert.equal(
      body('=== "Een"\n    Eerste.\n=== "Twee"\n    Tweede.\n\n===! "Drie"\n    Derde.\n'),
      '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">\n' +
        '<input type="radio" name="__tabbed_1" id="__tabbed_1_1" checked="checked"><input type="radio" name="__tabbed_1" id="__tabbed_1_2"><div class="tabbed-labels">\n' +
        '<label for="__tabbed_1_1">Een</label>\n<label for="__tabbed_1_2">Twee</label>\n</div>\n' +
        '<div class="tabbed-content">\n<div class="tabbed-block">\n<p>Eerste.</p>\n</div>\n<div class="tabbed-block">\n<p>Tweede.</p>\n</div>\n</div>\n</div>\n' +
        '<div class="tabbed-set tabbed-alternate" data-tabs="2:1">\n<input type="radio" name="__tabbed_2" id="__tabbed_2_1" checked="checked"><div class="tabbed-labels">\n' +
        '<label for="__tabbed_2_1">Drie</label>\n</div>\n<div class="tabbed-content">\n<div class="tabbed-block">\n<p>Derde.</p>\n</div>\n</div>\n</div>\n',
    );
  });

  it('abbreviations: in the order defined, at word boundaries, never in code; the definitions disappear', () => {
    assert.equal(
      body('De aanbieder verder in de keten, AI-systemen en het AI-systeem (`AI-systeem`).\n\n*[aanbieder]: Wie levert\n*[aanbieder verder in de keten]: Lang\n*[AI-systeem]: Systeem\n'),
      '<p>De <abbr title="Wie levert">aanbieder</abbr> verder in de keten, AI-systemen en het <abbr title="Systeem">AI-systeem</abbr> (<code>AI-systeem</code>).</p>\n',
    );
  });

  it('attribute lists: on headings, on a paragraph\'s last line, after links; heading ids as toc makes them', () => {
    assert.equal(
      body('## Maatregelen { data-search-exclude }\n\n## Wat & hoe?\n\n## Wat & hoe?\n\nTekst\n{: .klein }\n\n[knop](https://x.nl){ .button #k }\n'),
      '<h2 data-search-exclude="data-search-exclude" id="maatregelen">Maatregelen</h2>\n<h2 id="wat-hoe">Wat &amp; hoe?</h2>\n<h2 id="wat-hoe_1">Wat &amp; hoe?</h2>\n' +
        '<p class="klein">Tekst</p>\n<p><a href="https://x.nl" class="button" id="k">knop</a></p>\n',
    );
  });

  it('Python-Markdown where CommonMark differs: list indentation, a list after a paragraph, headings, link targets with spaces', () => {
    assert.equal(
      body('Tekst\n- geen lijst\n\n- a\n  - b\n\n  ## geen kop\n\n#Kop\n\n[bestand](docs/mijn bestand.xlsx)\n'),
      '<p>Tekst\n- geen lijst</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>## geen kop</p>\n<h1 id="kop">Kop</h1>\n<p><a href="docs/mijn%20bestand.xlsx">bestand</a></p>\n',
    );
  });

  it('task lists, footnotes, tables without rows, mermaid as code, raw HTML blocks with Markdown inside', () => {
    assert.equal(
      body('- [x] klaar\n- [ ] open\n\nZie[^1].\n\n[^1]: Bron.\n\n| Bron |\n|---|\n\n```mermaid\ngraph TD\n```\n\n<div markdown>\n*nadruk*\n</div>\n'),
      '<ul class="task-list">\n<li class="task-list-item"><label class="task-list-control"><input type="checkbox" checked disabled><span class="task-list-indicator"></span></label> klaar</li>\n' +
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled><span class="task-list-indicator"></span></label> open</li>\n</ul>\n' +
        '<p>Zie<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>.</p>\n<table>\n<thead>\n<tr>\n<th>Bron</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td></td>\n</tr>\n</tbody>\n</table>\n' +
        '<pre><code class="language-mermaid">graph TD\n</code></pre>\n<div>\n<p><em>nadruk</em></p>\n</div>\n' +
        '<hr class="footnotes-sep">\n<section class="footnotes">\n<ol class="footnotes-list">\n<li id="fn1" class="footnote-item"><p>Bron. <a href="#fnref1" class="footnote-backref">↩︎</a></p>\n</li>\n</ol>\n</section>\n',
    );
  });

  it('source lines on block elements for scroll sync, counted in the file (frontmatter included)', () => {
    const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [PAGE]: '---\ntitle: T\n---\n# Kop\n\nTekst.\n' }));
    assert.equal(service.renderPage(PAGE, { lineAttributes: true })!.html, '<h1 id="kop" data-line="3">Kop</h1>\n<p data-line="5">Tekst.</p>\n');
  });
});

describe('renderer: chips and tables as the hooks make them', () => {
  const R = `${C}/vereisten/aia-14-conformiteit.md`;
  const M = `${C}/maatregelen/2-owp-15-bespreek.md`;
  const FILES = {
    ...CURRENT_BASE,
    'docs/ai-verordening/ai-verordening-in-het-kort.md': '# Kort\n',
    'docs/soorten-algoritmes-en-ai/risico-van-ai-systemen.md': '# Risico\n',
    'includes/begrippenlijst.md': '*[AI-systeem]: Een systeem.\n',
    [R]:
      '---\ntitle: Conformiteit\nid: urn:nl:ak:ver:aia-14\nlevenscyclus:\n- ontwerp\n- onbekend\nrollen:\n- jurist\nonderwerp:\n- governance\nsoort-toepassing:\n- ai-systeem\nrisicogroep:\n- hoog-risico-ai-systeem\n- niet-van-toepassing\nrol-ai-act:\n- importeur\n---\n' +
      '<!-- tags -->\n## Van toepassing op\n<!-- tags-ai-act -->\n\n## Maatregelen\n\n<!-- list_maatregelen vereiste/aia-14-conformiteit no-search no-onderwerp -->\n<!--list_maatregelen vereiste/x -->\n',
    [M]: '---\ntitle: Bespreek <b>vereisten</b>\nid: urn:nl:ak:mtr:owp-15\nvereiste:\n- aia-14-conformiteit\n- bestaat-niet\n-\nrollen:\n- jurist\n- projectleider\nlevenscyclus:\n- ontwerp\n---\n<!-- list_vereisten_on_maatregelen_page -->\n',
  };
  const service = createLanguageService(new MemoryWorkspace(FILES));

  it('a requirement: the id, label and AI-Act chips with their links, unknown values marked, the glossary in the chips', () => {
    const page = service.renderPage(R)!;
    const chips = [...page.html.matchAll(/<span class="mdx-badge( ak-unknown)?" data-md-color-accent="([^"]+)" data-chip="([^"]+)">.*?<span class="mdx-badge__text">(.*?)<\/span><\/span>/g)].map((m) => `${m[3]}|${m[2]}|${m[1] ? 'unknown|' : ''}${m[4]}`);
    assert.deepEqual(chips, [
      'id|blue|aia-14',
      'levenscyclus|indigo|<a href="../../levenscyclus/ontwerp.md">Ontwerp</a>',
      'levenscyclus|indigo|unknown|<a href="">Onbekend</a>',
      'rollen|deep-orange|<a href="../../rollen/jurist.md">Jurist</a>',
      'onderwerp|teal|<a href="../../onderwerpen/governance.md">Governance</a>',
      'soort-toepassing|blue|<a href="../../ai-verordening/ai-verordening-in-het-kort.md#ai-systeem"><abbr title="Een systeem.">AI-systeem</abbr></a>',
      'risicogroep|blue|<a href="../../soorten-algoritmes-en-ai/risico-van-ai-systemen.md#hoog-risico-ai-systeem">Hoog risico <abbr title="Een systeem.">AI-systeem</abbr></a>',
      'rol-ai-act|blue|<a href="../../ai-verordening/ai-verordening-in-het-kort.md#andere-rollen">Importeur</a>',
    ]);
    // The AI-Act lead text, without its script: the sanitizer drops onclick.
    assert.match(page.html, /<p>Deze vereiste is van toepassing voor onderstaande \(combinatie van\) labels\. Gebruik de <a href="#">beslishulp AI-verordening<\/a> voor hulp/);
  });

  it('a list directive becomes its table, with the columns its flags leave; a comment the site leaves alone gets a note', () => {
    const html = service.renderPage(R)!.html;
    assert.match(
      html,
      /<div class="ak-list" data-list="list_maatregelen" data-state="table"><table data-list="list_maatregelen" data-state="table"><thead><tr><th>Maatregelen<\/th><th>Rollen<\/th><th>Levenscyclus<\/th><\/tr><\/thead><tbody><tr><td><a href="..\/maatregelen\/2-owp-15-bespreek.md">Bespreek &lt;b&gt;vereisten&lt;\/b&gt;<\/a><\/td><td><a class="mdx-badge" href="..\/..\/rollen\/jurist.md"><span class="mdx-badge__text">jurist<\/span><\/a> <a class="mdx-badge" href="..\/..\/rollen\/projectleider.md"><span class="mdx-badge__text">projectleider<\/span><\/a><\/td><td><a class="mdx-badge" href="..\/..\/levenscyclus\/ontwerp.md"><span class="mdx-badge__text">ontwerp<\/span><\/a><\/td><\/tr><\/tbody><\/table><\/div>/,
    );
    assert.match(html, /<div class="ak-list" data-list="list_maatregelen" data-state="not-expanded"><p class="ak-note">The site does not expand this directive: it stays a comment\.<\/p><\/div>/);
  });

  it('a measure\'s own list: ID | Vereiste in the order written, a name without a page as a row of its own, a null as None', () => {
    const html = service.renderPage(M, { links: 'html' })!.html;
    assert.match(
      html,
      /<tbody><tr><td><a href="..\/vereisten\/aia-14-conformiteit.html">aia-14<\/a><\/td><td><a href="..\/vereisten\/aia-14-conformiteit.html">Conformiteit<\/a><\/td><\/tr><tr class="ak-unknown"><td>bestaat-niet<\/td><\/tr><tr class="ak-unknown"><td>None<\/td><\/tr><\/tbody>/,
    );
  });

  it('2024: the icon links to the vocabulary overview, governance to its own page', () => {
    const V = 'docs/vereisten/grondslag.md';
    const s = createLanguageService(
      new MemoryWorkspace({ ...BASE_2024, 'docs/governance/index.md': '# G\n', 'docs/rollen/index.md': '# R\n', [V]: '---\ntitle: Grondslag\nrollen:\n- jurist\nbouwblok:\n- governance\n---\n<!-- tags -->\n' }),
    );
    assert.equal(
      s.renderPage(V)!.html,
      '<h1 class="ak-title">Grondslag</h1>\n<p><span class="mdx-badge" data-md-color-accent="deep-orange" data-chip="rollen"><span class="mdx-badge__icon" data-icon="material-account"><a href="../rollen/index.md" title="Rollen">:material-account:</a></span><span class="mdx-badge__text"><a href="../rollen/jurist.md">Jurist</a></span></span>' +
        '<span class="mdx-badge" data-md-color-accent="teal" data-chip="bouwblok"><span class="mdx-badge__icon" data-icon="material-cube"><a href="../governance/index.md" title="Bouwblok">:material-cube:</a></span><span class="mdx-badge__text"><a href="../governance/index.md">Governance</a></span></span></p>\n',
    );
  });

  it('VS Code\'s preview: data a keystroke behind the text still puts each table where its directive now is', () => {
    const data = service.renderData(R)!;
    const text = FILES[R].replace('## Maatregelen\n', '## Maatregelen\n\nEen regel erbij.\n');
    // As in VS Code: the parse gets an empty env and finds the page's data by its text.
    const md = algoritmekaderMarkdownIt(new MarkdownIt({ html: true }), { dataFor: (_env, src) => (src === text ? data : undefined) });
    const html = md.render(text, {});
    assert.match(html, /<p>Een regel erbij\.<\/p>\n<div class="ak-list" data-list="list_maatregelen" data-state="table">/);
    assert.equal(md.render('# Gewone *Markdown*\n\n!!! note\n    geen admonitie\n', {}), '<h1>Gewone <em>Markdown</em></h1>\n<p>!!! note\ngeen admonitie</p>\n');
  });

  it('the data VS Code\'s preview needs: title, where the body starts, the chips\' Markdown, each directive\'s place and table', () => {
    const data = service.renderData(R)!;
    assert.deepEqual(
      { ...data, chips: data.chips.map((c) => c.comment), directives: data.directives.map(({ source, line, character }) => ({ source, line, character })), appended: data.appended },
      {
        path: R,
        title: 'Conformiteit',
        bodyLine: 18,
        chips: ['<!-- tags -->', '<!-- tags-ai-act -->'],
        directives: [
          { source: '<!-- list_maatregelen vereiste/aia-14-conformiteit no-search no-onderwerp -->', line: 24, character: 0 },
          { source: '<!--list_maatregelen vereiste/x -->', line: 25, character: 0 },
        ],
        appended: '*[AI-systeem]: Een systeem.\n',
      },
    );
  });
});

describe('renderer: hostile HTML in a page', () => {
  it('the sanitizer keeps the allowed tags and attributes and drops scripts, handlers, frames, styles and javascript: URLs', () => {
    assert.equal(
      sanitizeHtml(
        '<p onclick="x()">a<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">j</a><a href=" JaVa&#x53;cript:alert(1)">k</a>' +
          '<iframe src="https://x"></iframe><style>body{display:none}</style><div style="position:fixed">d</div><svg><script>1</script></svg></p>' +
          '<table><tr><td colspan="2" onmouseover="x">c</td></tr></table><a href="https://ok.nl" target="_blank">ok</a><!-- c --><b>unclosed',
      ),
      '<p>a<img src="x"><a>j</a><a>k</a><div>d</div></p><table><tr><td colspan="2">c</td></tr></table><a href="https://ok.nl">ok</a><b>unclosed</b>',
    );
  });

  it('a page with hostile HTML renders with none of it left, and closes every element it opens', () => {
    const hostile =
      '# Kop\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)">\n\n[klik](javascript:alert(1))\n\n<iframe src="https://evil.example"></iframe>\n\n<div style="position:fixed;inset:0">\n\n<!-- list_maatregelen vereiste/<img src=x onerror=alert(1)> -->\n';
    const html = body(hostile);
    // `[klik](javascript:…)` is no link (markdown-it refuses the URL): it stays text, as harmless as any.
    assert.doesNotMatch(html, /<script|onerror=|href="javascript:|<iframe|style=/i);
    assert.match(html, /<p>\[klik\]\(javascript:alert\(1\)\)<\/p>/);
    const opened = [...html.matchAll(/<(div|p|table|a|span)[\s>]/g)].length;
    const closed = [...html.matchAll(/<\/(div|p|table|a|span)>/g)].length;
    assert.equal(opened, closed);
  });
});

describe('renderer: mangled pages', () => {
  const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'algoritmekader-2026-06', 'docs', 'voldoen-aan-wetten-en-regels');
  const pagesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? pagesUnder(path) : name.endsWith('.md') ? [path] : [];
    });

  it('400 mutations of real pages render without a throw, as balanced HTML with nothing that runs', () => {
    const { random, pick } = seeded(909);
    const sources = pagesUnder(CORPUS).map((file) => readFileSync(file, 'utf8'));
    const inserts = ['\n', '    ', '\t', '!!! note\n', '??? x "y"\n', '=== "t"\n', '<div>', '</div>', '<div markdown>\n', '<!--', '-->', '`', '```\n', '- ', '1. ', '*[', ']: ', '{ .x onclick=y }', '[^1]', '[x](', '<script>', '<img onerror=x src=', '| a |\n|---|\n', '<!-- tags -->', '<!-- list_maatregelen vereiste/x -->', '#'];
    const path = `${C}/maatregelen/1-pba-01-x.md`;
    for (let n = 0; n < 400; n++) {
      let text = pick(sources);
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        text = random() < 0.6 ? text.slice(0, at) + pick(inserts) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 12));
      }
      const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [path]: text }));
      for (const options of [{ lineAttributes: true }, { links: 'html' as const }]) {
        const html = service.renderPage(path, options)?.html ?? '';
        assert.doesNotMatch(html, /<script|<iframe|<[^>]+\son\w+=|<[^>]+href="\s*javascript:/i, text);
        const open = [...html.matchAll(/<(div|p|table|details|section|span|a|ul|ol|li)[\s>]/g)].length;
        const closed = [...html.matchAll(/<\/(div|p|table|details|section|span|a|ul|ol|li)>/g)].length;
        assert.equal(open, closed, text);
      }
      assert.ok(service.renderData(path));
    }
  });
});
