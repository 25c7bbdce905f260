// `ak report` through `run()`: its three formats on the shipped example, and the format mistakes it refuses.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..', '..');

function ak(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' }, cwd: ROOT });
  return { status, stdout, stderr };
}

describe('ak report', () => {
  it('text: the example tree is covered; its pages per phase and topic', () => {
    const r = ak(['report', 'examples/current']);
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout,
      [
        'Content model current: 1 requirement, 1 measure, 1 tool.',
        '',
        'Requirements without measures (0)',
        '',
        'Measures naming no requirement (0)',
        '',
        'Tools linked to nothing (0)',
        '',
        'Pages on no list (0)',
        '',
        'Per levenscyclus phase: requirements, measures, tools',
        '  monitoring-en-beheer     0    0    0',
        '  ontwerp                  1    1    1',
        '',
        'Per onderwerp: requirements, measures, tools',
        '  governance        1    1    1',
        '  transparantie     0    1    0',
        '',
      ].join('\n'),
    );
  });

  it('JSON and Markdown; Dutch on request', () => {
    const json = JSON.parse(ak(['report', 'examples/current', '--format', 'json']).stdout);
    assert.deepEqual(Object.keys(json), ['version', 'root', 'profile', 'pages', 'requirementsWithoutMeasures', 'measuresWithoutRequirements', 'toolsLinkedToNothing', 'pagesOnNoList', 'byPhase', 'byTopic', 'types']);
    assert.deepEqual(json.pages, { hulpmiddel: 1, maatregel: 1, vereiste: 1 });
    assert.deepEqual(json.byTopic[0], { value: 'governance', title: 'Governance', counts: { hulpmiddel: 1, maatregel: 1, vereiste: 1 } });
    const md = ak(['report', 'examples/current', '--format', 'markdown', '--lang', 'nl']);
    assert.match(md.stdout, /^## Dekking van het Algoritmekader\n\nContentmodel current: 1 vereiste, 1 maatregel, 1 hulpmiddel\.\n/);
  });

  it('refuses formats that do not fit: github for report, markdown for check', () => {
    assert.deepEqual([ak(['report', 'examples/current', '--format', 'github']).status, ak(['report', 'examples/current', '--format', 'github']).stderr], [2, 'ak: report --format is text, json or markdown\n']);
    assert.deepEqual([ak(['check', 'examples/current', '--format', 'markdown']).status, ak(['check', 'examples/current', '--format', 'markdown']).stderr], [2, 'ak: --format markdown is for report, not check\n']);
    assert.equal(ak(['report', 'examples/nope']).status, 2);
  });
});
