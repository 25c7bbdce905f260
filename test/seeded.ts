// A seeded random source for generated test inputs (mulberry32): the same seed gives the same documents
// on every run, so a failure can be replayed.
export function seeded(seed: number): { random: () => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed | 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, pick: (items) => items[Math.floor(random() * items.length)] };
}
