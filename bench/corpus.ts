import fs from 'node:fs';
import path from 'node:path';

// A deterministic synthetic news corpus: documents of 600-900 words built from the seed
// sentences of corpus/*.txt, with a share of words replaced by generated pseudo-words whose
// vocabulary grows like real text (Heaps' law: V = K * n^beta new types after n draws) and
// whose use follows Zipf's law (rank r drawn with probability ~ 1/r). Same seed, same corpus.

export interface SynthDoc {
  file: string;
  title: string;
  outlet: string | null;
  published: string;
  text: string;
  /** A pseudo-word coined for this document only: finds exactly it. */
  marker: string;
}

/** mulberry32: small, fast, good enough for a corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 'rk', 'x'];

export interface CorpusOptions {
  docs: number;
  seed?: number;
  /** Share of words replaced by pseudo-words. */
  pseudoShare?: number;
  /** Heaps' law constants for the pseudo-word vocabulary. */
  heapsK?: number;
  heapsBeta?: number;
}

export function readSeedSentences(corpusDir: string): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(corpusDir, f), 'utf8').replace(/\s+/g, ' ');
    for (const m of text.matchAll(/[^.!?]+[.!?]+["”’]?/g)) {
      const s = m[0].trim();
      if (s.split(' ').length >= 5) out.push(s);
    }
  }
  return out;
}

export class CorpusGenerator {
  readonly vocabulary: string[] = [];
  private readonly coined = new Set<string>();
  private draws = 0;
  private readonly rand: () => number;
  private readonly share: number;
  private readonly K: number;
  private readonly beta: number;
  private readonly outlets: string[];

  constructor(
    private readonly seeds: string[],
    opts: Omit<CorpusOptions, 'docs'> = {},
  ) {
    this.rand = rng(opts.seed ?? 42);
    this.share = opts.pseudoShare ?? 0.2;
    this.K = opts.heapsK ?? 40;
    this.beta = opts.heapsBeta ?? 0.55;
    this.outlets = Array.from({ length: 24 }, () => `The ${this.capital(this.coin())} ${['Herald', 'Courier', 'Post', 'Review', 'Observer', 'Times'][this.int(6)]}`);
  }

  private int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  private capital(w: string): string {
    return w.charAt(0).toUpperCase() + w.slice(1);
  }

  /** A new pseudo-word, never seen before. */
  coin(): string {
    for (;;) {
      const syllables = 2 + this.int(3);
      let w = '';
      for (let i = 0; i < syllables; i++) w += this.pick(ONSETS) + this.pick(VOWELS);
      w += this.pick(CODAS);
      if (!this.coined.has(w)) {
        this.coined.add(w);
        return w;
      }
    }
  }

  /** The next pseudo-word of running text: new with Heaps' probability, else Zipf by rank. */
  private pseudoWord(): string {
    this.draws++;
    const n = this.draws;
    const pNew = Math.min(1, this.K * this.beta * Math.pow(n, this.beta - 1));
    if (this.vocabulary.length === 0 || this.rand() < pNew) {
      const w = this.coin();
      this.vocabulary.push(w);
      return w;
    }
    // Zipf (s = 1) by inverse CDF: ranks are log-uniform.
    const V = this.vocabulary.length;
    const rank = Math.min(V - 1, Math.floor(Math.pow(V, this.rand())) - 1);
    return this.vocabulary[Math.max(0, rank)] as string;
  }

  private sentence(): string {
    const s = this.pick(this.seeds);
    return s
      .split(' ')
      .map((word) => {
        if (this.rand() >= this.share) return word;
        // Keep the punctuation around the word; replace its letters.
        const m = /^([^\p{L}]*)([\p{L}’']+)([^\p{L}]*)$/u.exec(word);
        if (!m) return word;
        const w = this.pseudoWord();
        return `${m[1]}${/^\p{Lu}/u.test(m[2] as string) ? this.capital(w) : w}${m[3]}`;
      })
      .join(' ');
  }

  doc(i: number): SynthDoc {
    const target = 600 + this.int(301);
    const paragraphs: string[] = [];
    let words = 0;
    const marker = `${this.coin()}q${i.toString(36)}`;
    while (words < target) {
      const n = 2 + this.int(4);
      const sentences: string[] = [];
      for (let k = 0; k < n && words < target; k++) {
        const s = this.sentence();
        sentences.push(s);
        words += s.split(' ').length;
      }
      paragraphs.push(sentences.join(' '));
    }
    const at = this.int(paragraphs.length);
    paragraphs[at] = `${paragraphs[at]} The ${marker} report closes here.`;
    const headWords = (paragraphs[0] as string).split(' ').slice(0, 6 + this.int(5)).join(' ').replace(/[^\p{L}\p{N}’' -]/gu, '');
    const title = this.capital(headWords.trim());
    const day = 1 + this.int(28);
    return {
      file: `synth-${String(i).padStart(5, '0')}.txt`,
      title,
      outlet: this.rand() < 0.7 ? this.pick(this.outlets) : null,
      published: `2022-${String(1 + this.int(12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      text: `${title}\n\n${paragraphs.join('\n\n')}\n`,
      marker,
    };
  }
}

/** Pseudo-words at Zipf ranks (frequent to rare), for the query set. */
export function vocabularyProbes(gen: CorpusGenerator, ranks: number[]): string[] {
  const V = gen.vocabulary.length;
  return ranks.map((r) => gen.vocabulary[Math.min(V - 1, r)] as string).filter(Boolean);
}
