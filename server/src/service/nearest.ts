// "Did you mean" suggestions: the known words nearest to a misspelt one.

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const row = new Array<number>(cols);
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[cols - 1];
}

/**
 * The candidates close enough to `word` to be what was meant, best first (at most `max`).
 * Case is ignored for closeness; a third of the word's length may differ (at least 1, at most 4 edits).
 * A candidate that contains the word or is contained by it (a missing or extra suffix) also counts.
 */
export function nearest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = word.toLowerCase();
  const limit = Math.min(4, Math.max(1, Math.floor(lower.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === word) continue;
    const c = candidate.toLowerCase();
    let score = editDistance(lower, c, limit);
    if (score > limit && lower.length >= 4 && (c.startsWith(lower) || lower.startsWith(c))) score = limit + 0.5;
    if (score <= limit + 0.5) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}
