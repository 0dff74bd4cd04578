import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locate } from '../../../electron/core/annotate/export-md.js';
import { setup, spanOf, type Setup } from './helpers.js';

// The Markdown export as a person reads it: a heading per document with its source, each quote
// located by paragraph, and with `only`, exactly what the Notes view showed.

const TEXT = [
  'Allies meet in Bucharest',
  'The ministers met on Tuesday to discuss support for Ukraine.',
  'They agreed on more air defence and on winter aid.',
  'Second part',
  'Energy security was on the agenda as well.',
].join('\n\n');

let s: Setup;
let docId: string;
let otherId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await setup({ corpus: false });
  docId = await s.importText('2022-11-29 bucharest.md', `# Allies meet in Bucharest\n\n${TEXT.split('\n\n').slice(1, 3).join('\n\n')}\n\n## Second part\n\n${TEXT.split('\n\n')[4]}`);
  otherId = await s.importText('other.txt', 'Another report\n\nA different text about winter aid for Ukraine.');
  const text = await s.textOf(docId);
  const other = await s.textOf(otherId);
  ids.tuesday = (await s.call('highlights.create', { docId, ...spanOf(text, 'met on Tuesday'), color: 'yellow' })).id;
  ids.energy = (await s.call('highlights.create', { docId, ...spanOf(text, 'Energy security'), color: 'green', note: 'Key point.' })).id;
  ids.across = (await s.call('highlights.create', { docId, start: spanOf(text, 'for Ukraine').start, end: spanOf(text, 'They agreed').end, color: 'blue' })).id;
  ids.other = (await s.call('highlights.create', { docId: otherId, ...spanOf(other, 'winter aid'), color: 'green' })).id;
  await s.call('notes.set', { docId: otherId, body: 'Shorter than the first.' });
});
afterAll(async () => {
  await s.lib.close();
});

describe('Markdown export', () => {
  it('has a heading per document with its source, and locates quotes by paragraph, not characters', async () => {
    const { content } = await s.call('annotations.export', { format: 'md' });
    const title = (await s.call('docs.get', { id: docId })).title;
    expect(content).toContain(`## ${title}\n\n`);
    expect(content).toMatch(/## Another report\n\nOutlet unknown · Undated\n/);
    // Headings do not count as paragraphs: "met on Tuesday" is in the first paragraph.
    expect(content).toContain('> met on Tuesday\n\n— Paragraph 1 · yellow highlight');
    expect(content).toContain('> Energy security\n\n— Paragraph 3 · green highlight\n\n**Note:** Key point.');
    expect(content).toMatch(/— Paragraphs 1–2 · blue highlight/);
    expect(content).not.toMatch(/characters \d+/);
    // In text order within a document.
    expect(content.indexOf('met on Tuesday')).toBeLessThan(content.indexOf('Energy security'));
  });

  it('exports exactly the highlights and notes it is given (the Notes view with its filters)', async () => {
    const onlyGreen = await s.call('annotations.export', { format: 'md', only: { highlightIds: [ids.energy, ids.other], docNotes: [] } });
    expect(onlyGreen.count).toBe(2);
    expect(onlyGreen.content).toContain('Energy security');
    expect(onlyGreen.content).toContain('winter aid');
    expect(onlyGreen.content).not.toContain('met on Tuesday');
    expect(onlyGreen.content).not.toContain('Shorter than the first.');
    expect(onlyGreen.content).toContain('2 highlights, 0 document notes (the ones shown in Notes with its filters)');

    const noteOnly = await s.call('annotations.export', { format: 'md', only: { highlightIds: [], docNotes: [otherId] } });
    expect(noteOnly.count).toBe(1);
    expect(noteOnly.content).toContain('Shorter than the first.');
    expect(noteOnly.content).not.toContain('## Allies meet');

    const w3c = await s.call('annotations.export', { format: 'w3c', only: { highlightIds: [ids.tuesday], docNotes: [] } });
    expect(w3c.count).toBe(1);
    expect(w3c.content).toContain('met on Tuesday');
    expect(w3c.content).not.toContain('Energy security');

    const everything = await s.call('annotations.export', { format: 'md' });
    expect(everything.count).toBe(5);
  });
});

describe('locate', () => {
  const passages = [
    { start: 0, end: 10, kind: 'heading' },
    { start: 12, end: 40, kind: 'paragraph' },
    { start: 42, end: 50, kind: 'meta' },
    { start: 52, end: 90, kind: 'list-item' },
  ];
  it('counts the paragraphs a reader sees', () => {
    expect(locate(passages, 0, 5)).toBe('Heading');
    expect(locate(passages, 15, 20)).toBe('Paragraph 1');
    expect(locate(passages, 55, 60)).toBe('Paragraph 2');
    expect(locate(passages, 15, 60)).toBe('Paragraphs 1–2');
    expect(locate(passages, 44, 46)).toBeNull();
  });
});
