import type { InlineMark, MarkKind, PassageKind } from '../types.js';
import { normaliseText } from './normalise.js';

// The structure a decoder keeps (HTML, Markdown, EPUB, DOCX, PDF): a list of blocks, each one
// future passage with its kind, heading level, page and inline emphasis. Decoders build blocks
// with BlockBuilder; assembleBlocks lays them out as the one stored text (blocks separated by a
// blank line, list items under each other) with the passages' offsets into it.

export interface BlockMark {
  /** Offsets into the block's own text. */
  start: number;
  end: number;
  kind: MarkKind;
}

export interface DecodedBlock {
  kind: PassageKind;
  text: string;
  level?: number;
  page?: string;
  marks?: BlockMark[];
  /** Length of a list item's marker ("• ", "3. ") at the start of `text`: not part of its sentences. */
  markerLength?: number;
  /** The first item of a list: set apart from a list just before it. */
  listStart?: boolean;
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\uFEFF\u200B\u2060\u00AD\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Gathers one block's inline text: whitespace collapsed as a browser would, emphasis tracked. */
export class BlockBuilder {
  private out = '';
  private pendingSpace = false;
  private readonly open: Array<{ kind: MarkKind; start: number }> = [];
  private readonly marks: BlockMark[] = [];

  get length(): number {
    return this.out.length;
  }

  get empty(): boolean {
    return this.out.length === 0;
  }

  append(piece: string): void {
    if (piece.length === 0) return;
    const clean = piece.replace(INVISIBLE, '').normalize('NFC');
    const lead = /^[\s\u00A0]/.test(clean);
    const trail = /[\s\u00A0]$/.test(clean);
    const body = clean.replace(SPACE, ' ').trim();
    if (body.length === 0) {
      if (clean.length > 0) this.pendingSpace = true;
      return;
    }
    if ((lead || this.pendingSpace) && this.out.length > 0) this.out += ' ';
    this.out += body;
    this.pendingSpace = trail;
  }

  /** A forced space (between table cells, after a <br> in a paragraph). */
  space(): void {
    this.pendingSpace = true;
  }

  openMark(kind: MarkKind): void {
    this.open.push({ kind, start: this.out.length });
  }

  closeMark(kind: MarkKind): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      if (this.open[i]!.kind !== kind) continue;
      const [m] = this.open.splice(i, 1);
      let start = m!.start;
      while (start < this.out.length && this.out[start] === ' ') start++;
      if (start < this.out.length) this.marks.push({ kind, start, end: this.out.length });
      return;
    }
  }

  /** Take the gathered text and marks, leaving the builder empty (open marks carry over). */
  take(): { text: string; marks: BlockMark[] } {
    const text = this.out;
    const marks = this.marks.splice(0).filter((m) => m.end > m.start);
    this.out = '';
    this.pendingSpace = false;
    for (const o of this.open) o.start = 0;
    return { text, marks };
  }
}

export interface AssembledPassage {
  start: number;
  end: number;
  kind: PassageKind;
  bodyStart: number;
  level?: number;
  page?: string;
  marks: InlineMark[];
}

/** Merge overlapping or touching marks of one kind (nested <b><b>, split runs in DOCX). */
function mergeMarks(marks: InlineMark[]): InlineMark[] {
  const out: InlineMark[] = [];
  for (const m of [...marks].sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind < b.kind ? -1 : 1))) {
    const last = out[out.length - 1];
    if (last && last.kind === m.kind && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Lay blocks out as one text. Each block is normalised on its own (no newline inside a block),
 * so normalising the whole text again changes nothing and every offset stays true.
 */
export function assembleBlocks(blocks: readonly DecodedBlock[]): { text: string; passages: AssembledPassage[] } {
  let text = '';
  const passages: AssembledPassage[] = [];
  let prevKind: PassageKind | null = null;
  for (const b of blocks) {
    const oneLine = b.text.replace(/\n/g, ' ');
    const norm = normaliseText(oneLine);
    if (norm.length === 0) continue;
    // Normalisation that moved characters (leading space, NFC across pieces) shifts marks: keep
    // the words, drop the emphasis rather than misplace it.
    const lead = oneLine.length - oneLine.trimStart().length;
    const same = norm === oneLine.slice(lead, lead + norm.length);
    if (text.length > 0) text += b.kind === 'list-item' && prevKind === 'list-item' && !b.listStart ? '\n' : '\n\n';
    const start = text.length;
    text += norm;
    const marks: InlineMark[] = [];
    if (same) {
      for (const m of b.marks ?? []) {
        const s = Math.max(0, m.start - lead);
        const e = Math.min(norm.length, m.end - lead);
        if (e > s) marks.push({ start: start + s, end: start + e, kind: m.kind });
      }
    }
    const marker = same ? Math.min(Math.max(0, (b.markerLength ?? 0) - lead), norm.length) : 0;
    passages.push({
      start,
      end: text.length,
      kind: b.kind,
      bodyStart: start + marker,
      ...(b.level ? { level: b.level } : {}),
      ...(b.page ? { page: b.page } : {}),
      marks: mergeMarks(marks),
    });
    prevKind = b.kind;
  }
  return { text, passages };
}

/** Blocks as the plain text a decoder also reports (DecodedFile.text). */
export function blocksText(blocks: readonly DecodedBlock[]): string {
  return assembleBlocks(blocks).text;
}
