import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleBlocks, BlockBuilder } from '../../../electron/core/corpus/blocks.js';
import { decodeImportFile } from '../../../electron/core/corpus/decode.js';
import { importFiles } from '../../../electron/core/corpus/ingest.js';
import { normaliseText } from '../../../electron/core/corpus/normalise.js';
import { segmentStructured } from '../../../electron/core/corpus/segment.js';
import { getDocumentText, getPassages, getSentences } from '../../../electron/core/corpus/store.js';
import { openDatabase, type Db } from '../../../electron/core/db/open.js';
import { expectWellFormed } from './helpers.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const dirs: string[] = [];
function tmpDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-structure-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'library.sqlite'));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function imported(name: string, content: string): Promise<{ text: string; passages: ReturnType<typeof getPassages>; db: Db; id: string }> {
  const db = tmpDb();
  const [o] = await importFiles(db, [{ name, bytes: utf8(content) }]);
  if (!o || !('id' in o)) throw new Error(`import failed: ${JSON.stringify(o)}`);
  return { db, id: o.id, text: getDocumentText(db, o.id)!, passages: getPassages(db, o.id) };
}

const marked = (text: string, p: { marks?: Array<{ start: number; end: number; kind: string }> }): string[] =>
  (p.marks ?? []).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);

describe('BlockBuilder', () => {
  it('collapses whitespace like a browser and keeps marks on the words', () => {
    const b = new BlockBuilder();
    b.append('  The ');
    b.openMark('strong');
    b.append(' energy\n blackmail ');
    b.closeMark('strong');
    b.append('  was ');
    b.openMark('em');
    b.append('condemned');
    b.closeMark('em');
    b.append('. ');
    const { text, marks } = b.take();
    expect(text).toBe('The energy blackmail was condemned.');
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['energy blackmail', 'condemned']);
  });

  it('lays blocks out as a normalised text whose passages and marks point at the right words', () => {
    const { text, passages } = assembleBlocks([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'Cafe\u0301 talk', marks: [{ start: 0, end: 5, kind: 'em' }] },
      { kind: 'list-item', text: '• one', markerLength: 2, listStart: true },
      { kind: 'list-item', text: '• two', markerLength: 2 },
      { kind: 'list-item', text: '1. again', markerLength: 3, listStart: true },
    ]);
    expect(normaliseText(text)).toBe(text);
    expect(text).toBe('Title\n\nCafé talk\n\n• one\n• two\n\n1. again');
    // NFC moved a character: the emphasis is dropped rather than misplaced.
    expect(passages[1]!.marks).toEqual([]);
    const seg = segmentStructured(text, passages);
    expectWellFormed(text, seg);
    expect(seg.passages.map((p) => p.kind)).toEqual(['heading', 'paragraph', 'list-item', 'list-item', 'list-item']);
    expect(text.slice(seg.sentences[2]!.start, seg.sentences[2]!.end)).toBe('one');
  });
});

describe('structure survives import and storage', () => {
  it('Markdown: headings with levels, bold and italic as marks, lists, block quotes', async () => {
    const { text, passages } = await imported(
      'notes.md',
      '# Notes on the *Bucharest* meeting\n\nMinisters met on **29 November 2022**, and _that_ mattered.\n\n## Key points\n\n- Support for Ukraine\n- Open door\n\n> “We will not back down.”\n',
    );
    expect(text).not.toMatch(/[*_#>]/);
    const by = (s: string) => passages.find((p) => text.slice(p.start, p.end).includes(s))!;
    expect(by('Notes on')).toMatchObject({ kind: 'heading', level: 1 });
    expect(marked(text, by('Notes on'))).toEqual(['em:Bucharest']);
    expect(marked(text, by('Ministers'))).toEqual(['strong:29 November 2022', 'em:that']);
    expect(by('Key points')).toMatchObject({ kind: 'heading', level: 2 });
    expect(by('Open door').kind).toBe('list-item');
    expect(by('back down').kind).toBe('quote');
  });

  it('HTML: the page H1 is the level-1 heading; h2, lists, quotes and emphasis survive', async () => {
    const page = `<html lang="en"><head><title>Allies agree - Example News</title></head><body><article>
      <h1>Allies agree on support</h1><p>The <b>ministers</b> met in <i>Bucharest</i> on Tuesday and talked for a long time about the war and what to do next in the winter.</p>
      <h2>What they said</h2><blockquote><p>We will not back down, said the Secretary-General after the meeting in the Palace of the Parliament.</p></blockquote>
      <ul><li>Energy aid for Ukraine this winter</li><li>Open door for Finland and Sweden</li></ul>
      <p>The meeting ended on Wednesday with a joint statement that every ally signed after two days of talks.</p></article></body></html>`;
    const { text, passages, db, id } = await imported('allies.html', page);
    expect(text.startsWith('Allies agree on support\n\n')).toBe(true);
    const by = (s: string) => passages.find((p) => text.slice(p.start, p.end).includes(s))!;
    expect(by('Allies agree')).toMatchObject({ kind: 'heading', level: 1 });
    expect(by('What they said')).toMatchObject({ kind: 'heading', level: 2 });
    expect(by('not back down').kind).toBe('quote');
    expect(by('Energy aid').kind).toBe('list-item');
    expect(marked(text, by('ministers'))).toEqual(['strong:ministers', 'em:Bucharest']);
    // Quotes are read: they have sentences like any paragraph.
    const quote = by('not back down');
    expect(getSentences(db, id).some((s) => s.passageIndex === quote.index)).toBe(true);
  });

  it('a page tagged English but written in French is French; the title is the headline, not the site', async () => {
    const page = `<html lang="en"><head><title>Le Monde Diplomatique | Les ministres se réunissent à Bucarest</title></head><body><header><h1>Le Monde Diplomatique</h1></header><article>
      <h1>Les ministres se réunissent à Bucarest</h1>
      <p>Les ministres des affaires étrangères de l'OTAN se sont réunis à Bucarest pour discuter de la guerre et du soutien à l'Ukraine pendant l'hiver.</p>
      <p>Il est clair que les alliés vont continuer leur aide pour que le pays puisse se défendre, a dit le secrétaire général dans une conférence de presse.</p></article></body></html>`;
    const d = await decodeImportFile('fr.html', utf8(page));
    expect(d.language).toBe('fr');
    expect(d.title).toBe('Les ministres se réunissent à Bucarest');
  });

  it('MathML keeps its words (alttext, else its symbols)', async () => {
    const page = `<html><body><article><h1>Energy</h1><p>The famous relation <math alttext="E = m c^2"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> links mass and energy in every frame of reference we know of.</p>
      <p>Its cousin <math><mi>p</mi><mo>=</mo><mi>m</mi><mi>v</mi></math> links momentum and velocity for slow bodies in ordinary mechanics.</p></article></body></html>`;
    const d = await decodeImportFile('math.html', utf8(page));
    expect(d.text).toContain('relation E = m c^2 links');
    expect(d.text).toMatch(/cousin p ?= ?m ?v links/);
  });

  it('page furniture in an HTML page is kept in the text but marked meta', async () => {
    const page = `<html><body><article><h1>Allies agree</h1><p>#StandWithUkraine</p><p>Video of the day</p>
      <p>The ministers met in Bucharest on Tuesday and talked for a long time about the war and the winter.</p>
      <figure><img src="x.jpg"><figcaption>Ministers at the table / 2022 / EPA-EFE</figcaption></figure></article></body></html>`;
    const { text, passages } = await imported('furniture.html', page);
    const kindOf = (s: string) => passages.find((p) => text.slice(p.start, p.end) === s)?.kind;
    expect(kindOf('#StandWithUkraine')).toBe('meta');
    expect(kindOf('Video of the day')).toBe('meta');
    expect(text).not.toContain('EPA-EFE');
  });
});
