// The banded edit distance against the plain full-table one it replaced, on random and real words.
import assert from 'node:assert/strict';
import { editDistance, nearest } from '../../server/src/service/nearest';
import { seeded } from '../seeded';

/** The full optimal-string-alignment table, as the function was before it computed only a band. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('edit distance', () => {
  it('equals the full table within the limit, and says limit + 1 beyond it', () => {
    const { random } = seeded(7);
    const word = () => Array.from({ length: Math.floor(random() * 14) }, () => 'abcde-'[Math.floor(random() * 6)]).join('');
    for (let n = 0; n < 20_000; n++) {
      const a = word();
      const b = random() < 0.5 ? word() : a.slice(0, Math.floor(random() * (a.length + 1))) + word().slice(0, 2) + a.slice(Math.floor(random() * (a.length + 1)));
      const full = reference(a, b);
      assert.equal(editDistance(a, b), full, `${a} / ${b}`);
      for (const limit of [0, 1, 2, 3, 4]) assert.equal(editDistance(a, b, limit), full <= limit ? full : limit + 1, `${a} / ${b} limit ${limit}`);
    }
  });

  it('suggests as before on real slips', () => {
    assert.deepEqual(nearest('bouwbok', ['bouwblok', 'levenscyclus', 'rollen']), ['bouwblok']);
    assert.deepEqual(nearest('ontwrep', ['ontwerp', 'ontwikkelen', 'implementatie']), ['ontwerp']);
    assert.deepEqual(nearest('aia-14-conformiteitsbeoordelin', ['aia-14-conformiteitsbeoordeling', 'aia-15-x']), ['aia-14-conformiteitsbeoordeling']);
  });
});
