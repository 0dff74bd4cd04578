import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { decodeImportFile } from '../../../electron/core/corpus/decode.js';
import { normaliseText } from '../../../electron/core/corpus/normalise.js';
import { isParallaxError } from '../../../electron/core/errors.js';
import { segment } from '../../../electron/core/corpus/segment.js';
import type { Segmentation } from '../../../electron/core/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = path.resolve(here, '../../../corpus');
export const FIXTURES = path.resolve(here, '../../fixtures/import');

export function corpusFiles(): string[] {
  return fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function corpusText(idOrFile: string): string {
  const file = corpusFiles().find((f) => f === idOrFile || f.includes(idOrFile));
  if (!file) throw new Error(`no corpus file for ${idOrFile}`);
  return normaliseText(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8'));
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

/** The code and message a file is refused with by the decoder (fails when it is accepted). */
export async function refusal(name: string, bytes: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    await decodeImportFile(name, bytes);
  } catch (e) {
    if (isParallaxError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

const isBlank = (s: string): boolean => /^\s*$/u.test(s);

/** Checks every structural promise segment() makes about its offsets. */
export function expectWellFormed(text: string, seg: Segmentation): void {
  const { passages, sentences } = seg;
  let covered = 0;
  passages.forEach((p, i) => {
    expect(p.index).toBe(i);
    expect(p.start).toBeGreaterThanOrEqual(covered);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(p.start, p.end);
    expect(slice.trim()).toBe(slice);
    expect(slice.includes('\n')).toBe(false);
    // Between passages there is only whitespace: passages cover every word of the text.
    expect(isBlank(text.slice(covered, p.start))).toBe(true);
    covered = p.end;
  });
  expect(isBlank(text.slice(covered))).toBe(true);

  let last = -1;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    const p = passages[s.passageIndex];
    expect(p).toBeDefined();
    if (!p) return;
    expect(p.kind).not.toBe('meta');
    expect(s.start).toBeGreaterThanOrEqual(p.start);
    expect(s.end).toBeLessThanOrEqual(p.end);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    const slice = text.slice(s.start, s.end);
    expect(slice.trim()).toBe(slice);
    last = s.end;
  });

  // Sentences tile their passage: what they leave out is whitespace (and a list item's marker).
  for (const p of passages) {
    const own = sentences.filter((s) => s.passageIndex === p.index);
    if (p.kind === 'meta') {
      expect(own).toEqual([]);
      continue;
    }
    expect(own.length).toBeGreaterThan(0);
    let pos = p.start;
    let gaps = '';
    for (const s of own) {
      gaps += text.slice(pos, s.start);
      pos = s.end;
    }
    gaps += text.slice(pos, p.end);
    if (p.kind === 'list-item') expect(gaps).toMatch(/^\s*(?:[•◦▪‣●○■*+-]|\(?\w{1,3}[.)])?\s*$/u);
    else expect(isBlank(gaps)).toBe(true);
  }
}

export function segmentText(text: string): Segmentation & { sentenceTexts: string[]; passageTexts: string[] } {
  const seg = segment(text);
  expectWellFormed(text, seg);
  return {
    ...seg,
    sentenceTexts: seg.sentences.map((s) => text.slice(s.start, s.end)),
    passageTexts: seg.passages.map((p) => text.slice(p.start, p.end)),
  };
}
