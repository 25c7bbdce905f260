// Profile choice from the site's list hook (src/overrides/hooks/lists.py, read as text): the hook decides how
// the tables are built, so its rules win over what the folders suggest.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { BUILTIN_PROFILES, chooseProfile, foldersOf } from '../../server/src/service/profile';
import { MemoryWorkspace } from '../memoryWorkspace';

const HOOK = 'src/overrides/hooks/lists.py';
const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');
/** The essentials of each era's hook, as the site's repository had them. */
const HOOK_2024 = 'file.page.content = re.sub(r"<!-- list_vereisten (.*?) -->", replace_vereisten, file.page.content)\ntypes = re.split(r"\\s+", type)\nif not file.src_path.startswith("vereisten/"):\n';
const HOOK_CURRENT =
  'filter_criteria = split_params[0] if split_params else ""\nif tag.startswith("add-"):\nif not file.src_path.startswith(f"voldoen-aan-wetten-en-regels/{content_type}/"):\nr"<!-- list_vereisten(.*?) -->"\nr"<!-- list_hulpmiddelen(.*?) -->"\n';

const TRANSITIONAL_FOLDERS = {
  'docs/onderwerpen/governance/index.md': '# Governance\n',
  'docs/vereisten/a.md': '# A\n',
  'docs/maatregelen/b.md': '# B\n',
};

const status = (files: Record<string, string>, language: 'en' | 'nl' = 'en') => createLanguageService(new MemoryWorkspace(files), { language }).profileStatus();

describe('profile choice from the site hook', () => {
  it('the later folders with the older hook: the hook wins, and the status says why', () => {
    assert.deepEqual(status(TRANSITIONAL_FOLDERS).name, 'transitional');
    const s = status({ ...TRANSITIONAL_FOLDERS, [HOOK]: HOOK_2024 });
    assert.equal(s.name, '2024');
    assert.equal(s.source, 'detected');
    assert.equal(
      s.text,
      "Content model: 2024, because the site's hook src/overrides/hooks/lists.py has its rules: a space after the list name (<!-- list_vereisten (.*?) -->); " +
        'every parameter a key/value filter; pages under vereisten/ and maatregelen/ (the folders alone suggest transitional, but the site builds with this hook).',
    );
    assert.match(status({ ...TRANSITIONAL_FOLDERS, [HOOK]: HOOK_2024 }, 'nl').text, /^Contentmodel: 2024, omdat de hook van de site, src\/overrides\/hooks\/lists\.py, de regels ervan heeft: een spatie na de naam/);
  });

  it('a hook that agrees with the folders says so without a caveat', () => {
    const s = status({ 'docs/voldoen-aan-wetten-en-regels/vereisten/a.md': '# A\n', [HOOK]: HOOK_CURRENT });
    assert.equal(s.name, 'current');
    assert.match(s.text, /has its rules: .*list_hulpmiddelen; add- column flags\.$/);
  });

  it('no hook, or one with the rules of no profile: the folders decide, and the status says which', () => {
    assert.equal(status(TRANSITIONAL_FOLDERS).text, 'Content model: transitional, from the folders (there is no src/overrides/hooks/lists.py to read the site\'s rules from).');
    assert.equal(
      status({ ...TRANSITIONAL_FOLDERS, [HOOK]: '# an empty hook\n' }).text,
      "Content model: transitional, from the folders (the site's hook src/overrides/hooks/lists.py has the rules of no known content model).",
    );
  });

  it('a hook is not followed to a profile whose folders are absent', () => {
    // The 2024 hook in a tree with only the current folders: 2024 would find no pages at all.
    const folders = foldersOf(['docs/voldoen-aan-wetten-en-regels/vereisten/a.md']);
    const chosen = chooseProfile(folders, HOOK_2024);
    assert.equal(chosen.profile?.name, 'current');
    assert.deepEqual(chosen.reason, { by: 'folders', hook: 'unrecognised', file: HOOK });
  });

  it('a setting or the config file wins over the hook, and says so', () => {
    const files = { ...TRANSITIONAL_FOLDERS, [HOOK]: HOOK_2024 };
    const set = createLanguageService(new MemoryWorkspace(files), { language: 'en', profile: 'transitional' }).profileStatus();
    assert.deepEqual(set, { name: 'transitional', source: 'setting', text: 'Content model: transitional, as set (--profile or the algoritmekader.profile setting).' });
    assert.equal(status({ ...files, '.algoritmekader.json': '{ "profile": "current" }' }).text, 'Content model: current, as set in .algoritmekader.json.');
    assert.equal(status({ 'README.md': '# x\n' }).text, 'Content model: none; the folders match no known content model.');
  });

  it('a rule that is not a valid expression never holds (a custom profile cannot crash detection)', () => {
    const broken = { ...BUILTIN_PROFILES[0], detect: { ...BUILTIN_PROFILES[0].detect, hook: [{ pattern: '(', means: { en: 'x', nl: 'x' } }] } };
    const chosen = chooseProfile(foldersOf(['docs/voldoen-aan-wetten-en-regels/vereisten/a.md']), '(', [broken]);
    assert.equal(chosen.reason.by, 'folders');
  });
});

describe('corpus: profile choice from the real hooks', () => {
  /** Every file of a corpus, as an in-memory tree (so that a test can add a folder the snapshot lacks). */
  function corpusFiles(name: string): Record<string, string> {
    const root = join(CORPORA, name);
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir))) {
        const path = dir ? `${dir}/${entry}` : entry;
        if (statSync(join(root, path)).isDirectory()) walk(path);
        else if (path.endsWith('.md') || path === HOOK) files[path] = readFileSync(join(root, path), 'utf8');
      }
    };
    walk('');
    return files;
  }

  it('each snapshot is recognised by its own hook', () => {
    assert.match(status(corpusFiles('algoritmekader-2024-08')).text, /^Content model: 2024, because the site's hook/);
    assert.match(status(corpusFiles('algoritmekader-2026-06')).text, /^Content model: current, because the site's hook/);
  });

  it('2024 content with a docs/onderwerpen folder added (as on a later branch): the 2024 hook keeps every table as --profile 2024 builds it', () => {
    const files: Record<string, string> = { ...corpusFiles('algoritmekader-2024-08'), 'docs/onderwerpen/governance/index.md': '# Governance\n' };
    const tables = (profile: string) =>
      createLanguageService(new MemoryWorkspace(files), { language: 'en', profile })
        .graph()
        .directives.map((d) => `${d.file}:${d.line} ${d.expanded} ${d.resolvesTo.join(' ')}`);
    const auto = tables('auto');
    assert.deepEqual(auto, tables('2024'));
    // By the folders alone it would be the transitional model, whose tables differ.
    const withoutHook: Record<string, string> = { ...files };
    delete withoutHook[HOOK];
    const byFolders = createLanguageService(new MemoryWorkspace(withoutHook), { language: 'en' });
    assert.equal(byFolders.profile()?.name, 'transitional');
    const wrong = byFolders.graph().directives.map((d) => `${d.file}:${d.line} ${d.expanded} ${d.resolvesTo.join(' ')}`);
    // Of the snapshot's 364 list comments, 122 come out differently under the transitional rules: 99
    // list_maatregelen with two filters (the second is ignored, so they list more), the 18 list_*_1 (read as
    // list_vereisten/list_maatregelen with a token `_1`, so unfiltered) and 5 own lists (the other era's matching).
    assert.deepEqual([auto.length, wrong.filter((t, i) => t !== auto[i]).length], [364, 122]);
  });
});
