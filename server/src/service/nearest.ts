// "Did you mean" suggestions: the known words nearest to a misspelt one.

/** editDistance's three rows, reused from call to call (grown when a longer word comes). */
let scratch = new Int32Array(3 * 64);

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.
 * With a finite `limit`, any distance above it comes back as `limit + 1`, and only the band of cells within
 * `limit` of the diagonal is computed (suggestions ask for at most 4 edits against hundreds of long stems).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0 || m === 0) return Math.max(n, m) <= limit ? Math.max(n, m) : limit + 1;
  const band = Number.isFinite(limit) ? limit : Math.max(n, m);
  const FAR = n + m + 1; // more than any distance: a cell outside the band
  // Suggestions compare one word with thousands of names: no new rows per comparison.
  if (scratch.length < 3 * (m + 1)) scratch = new Int32Array(Math.max(3 * (m + 1), 2 * scratch.length));
  let prevPrev = scratch.subarray(0, m + 1).fill(FAR);
  let prev = scratch.subarray(m + 1, 2 * (m + 1)).fill(FAR);
  let row = scratch.subarray(2 * (m + 1), 3 * (m + 1)).fill(FAR);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    row[lo - 1] = lo === 1 ? (i <= band ? i : FAR) : FAR;
    if (hi < m) row[hi + 1] = FAR;
    let rowMin = row[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prevPrev[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  return prev[m] <= limit ? prev[m] : limit + 1;
}

/**
 * The candidates close enough to `word` to be what was meant, best first (at most `max`).
 * Case is ignored for closeness; a third of the word's length may differ (at least 1, at most 4 edits).
 * A candidate that contains the word or is contained by it (a missing or extra suffix) also counts.
 */
export function nearest(word: string, candidates: Iterable<string>, max = 3): string[] {
  return nearestIn(word, prepareCandidates(candidates), max);
}

/** Candidates for `nearestIn`: distinct, each with its lower case (prepared once for many words). */
export interface PreparedCandidates {
  readonly names: readonly string[];
  readonly lower: readonly string[];
}

export function prepareCandidates(candidates: Iterable<string>): PreparedCandidates {
  const names = [...new Set(candidates)];
  return { names, lower: names.map((name) => name.toLowerCase()) };
}

/** `nearest` over prepared candidates. */
export function nearestIn(word: string, candidates: PreparedCandidates, max = 3): string[] {
  const lower = word.toLowerCase();
  const limit = Math.min(4, Math.max(1, Math.floor(lower.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  const { names } = candidates;
  for (let i = 0; i < names.length; i++) {
    const candidate = names[i];
    if (candidate === word) continue;
    const c = candidates.lower[i];
    let score = editDistance(lower, c, limit);
    if (score > limit && lower.length >= 4 && (c.startsWith(lower) || lower.startsWith(c))) score = limit + 0.5;
    if (score <= limit + 0.5) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}
