import { NF, type SegmentData } from './segment.js';

// Library-wide term statistics: every term of the loaded segments with its document
// frequency (summed over fields and segments, as lunr's idf counts it). Kept sorted so a
// prefix is one binary search, and updated in linear time as segments come and go.

export class Dictionary {
  terms: string[] = [];
  df = new Int32Array(0);

  private static segmentDf(s: SegmentData, t: number): number {
    return (s.termOff[t * NF + NF] ?? 0) - (s.termOff[t * NF] ?? 0);
  }

  /** Merge a segment's (sorted) terms in. */
  add(s: SegmentData): void {
    if (this.terms.length === 0) {
      this.terms = s.terms.slice();
      this.df = Int32Array.from(s.terms, (_, t) => Dictionary.segmentDf(s, t));
      return;
    }
    const a = this.terms;
    const b = s.terms;
    const terms: string[] = [];
    const df = new Int32Array(a.length + b.length);
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = a[i];
      const y = b[j];
      if (x !== undefined && (y === undefined || x < y)) {
        df[terms.length] = this.df[i] ?? 0;
        terms.push(x);
        i++;
      } else if (y !== undefined && (x === undefined || y < x)) {
        df[terms.length] = Dictionary.segmentDf(s, j);
        terms.push(y);
        j++;
      } else {
        df[terms.length] = (this.df[i] ?? 0) + Dictionary.segmentDf(s, j);
        terms.push(x);
        i++;
        j++;
      }
    }
    this.terms = terms;
    this.df = df.slice(0, terms.length);
  }

  /** Take a segment's counts out again; terms left with no documents disappear. */
  remove(s: SegmentData): void {
    s.terms.forEach((term, j) => {
      const i = this.indexOf(term);
      if (i >= 0) this.df[i] = (this.df[i] ?? 0) - Dictionary.segmentDf(s, j);
    });
    const terms: string[] = [];
    let n = 0;
    for (let i = 0; i < this.terms.length; i++) {
      if ((this.df[i] ?? 0) <= 0) continue;
      this.df[n++] = (this.df[i] ?? 0);
      terms.push(this.terms[i] ?? '');
    }
    this.terms = terms;
    this.df = this.df.slice(0, n);
  }

  indexOf(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = (this.terms[mid] ?? '');
      if (t < term) lo = mid + 1;
      else if (t > term) hi = mid;
      else return mid;
    }
    return -1;
  }

  dfOf(term: string): number {
    const i = this.indexOf(term);
    return i < 0 ? 0 : (this.df[i] ?? 0);
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** [from, to) of the terms starting with prefix. */
  range(prefix: string): [number, number] {
    return [this.lowerBound(prefix), this.lowerBound(prefix + '\uffff')];
  }
}
