/**
 * A word model stored as the two strings its trainer wrote (sorted features, one per line; weights
 * comma-separated in the same order) and looked up by binary search in place: about 200 KB in the
 * worker for 8,000 features, where an object or Map of as many keys would hold about a megabyte.
 * The index (line starts, parsed weights) is built on the first lookup.
 */
export interface PackedModel {
  bias: number;
  features: string;
  weights: string;
}

export type WeightOf = (feature: string) => number | undefined;

export function packedLookup(model: PackedModel, name: string): WeightOf {
  let index: { starts: Int32Array; weights: Float64Array } | undefined;

  function loadIndex(): { starts: Int32Array; weights: Float64Array } {
    const text = model.features;
    let lines = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    const starts = new Int32Array(lines + 1);
    let n = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts[n++] = i + 1;
    starts[lines] = text.length + 1;
    const weights = new Float64Array(lines);
    let at = 0;
    let k = 0;
    for (let i = 0; i <= model.weights.length; i++) {
      if (i === model.weights.length || model.weights.charCodeAt(i) === 44) {
        weights[k++] = Number(model.weights.slice(at, i));
        at = i + 1;
      }
    }
    if (k !== lines) throw new Error(`${name}: ${lines} features but ${k} weights`);
    return { starts, weights };
  }

  /** Compares `word` with feature `i` of the sorted list, by UTF-16 code unit like the trainer's sort. */
  function compareFeature(starts: Int32Array, i: number, word: string): number {
    const text = model.features;
    const from = starts[i]!;
    const length = starts[i + 1]! - 1 - from;
    const n = Math.min(length, word.length);
    for (let j = 0; j < n; j++) {
      const d = text.charCodeAt(from + j) - word.charCodeAt(j);
      if (d !== 0) return d;
    }
    return length - word.length;
  }

  return (feature: string): number | undefined => {
    index ??= loadIndex();
    let lo = 0;
    let hi = index.weights.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compareFeature(index.starts, mid, feature);
      if (c === 0) return index.weights[mid];
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}
