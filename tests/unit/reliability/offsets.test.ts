import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { assertWholeCharacters, isCharacterBoundary } from '../../../electron/core/text-offsets.js';
import { freshLibrary, snapshot } from '../../helpers/library.js';

// A range that cuts a character in two (half of a surrogate pair, a letter without its
// combining mark, half an emoji ZWJ sequence) is refused with INVALID_INPUT wherever offsets
// come in, and nothing changes.

// "q\u0307" has no precomposed form, so it stays two code units after NFC.
const TEXT = 'Emoji 😀 here. Flag 🇺🇦 there. Family 👨‍👩‍👧 too. A q\u0307 mark. 漢字𠮷 end.';

describe('isCharacterBoundary', () => {
  it('is false inside a surrogate pair, a combining sequence, a ZWJ sequence and a flag', () => {
    const at = (s: string, k = 1): number => TEXT.indexOf(s) + k;
    expect(isCharacterBoundary(TEXT, at('😀'))).toBe(false);
    expect(isCharacterBoundary(TEXT, at('q\u0307'))).toBe(false);
    expect(isCharacterBoundary(TEXT, at('👨‍👩‍👧', 2))).toBe(false);
    expect(isCharacterBoundary(TEXT, at('🇺🇦', 2))).toBe(false);
    expect(isCharacterBoundary(TEXT, at('𠮷'))).toBe(false);
    expect(isCharacterBoundary(TEXT, at('😀', 0))).toBe(true);
    expect(isCharacterBoundary(TEXT, at('😀', 2))).toBe(true);
    expect(isCharacterBoundary(TEXT, 0)).toBe(true);
    expect(isCharacterBoundary(TEXT, TEXT.length)).toBe(true);
    expect(() => assertWholeCharacters(TEXT, 0, at('😀'))).toThrow(/ends inside a character/);
  });
});

describe('offsets that split a character are refused everywhere', () => {
  let lib: Library;
  let api: Dispatcher;
  let docId: string;
  let text: string;
  const emoji = (): number => text.indexOf('😀');

  beforeAll(async () => {
    lib = await freshLibrary({ corpus: false });
    api = createDispatcher(lib, () => {});
    const res = await api.call('docs.import', { files: [{ name: 'emoji.txt', dataBase64: Buffer.from(TEXT).toString('base64') }] });
    if (!res.ok || !('id' in res.value[0]!)) throw new Error('import failed');
    docId = res.value[0].id;
    const doc = await api.call('docs.get', { id: docId });
    if (!doc.ok) throw new Error('no doc');
    text = doc.value.text;
  });
  afterAll(async () => lib.close());

  async function refused(name: Parameters<Dispatcher['callByName']>[0], input: unknown): Promise<void> {
    const before = snapshot(lib);
    const res = await api.callByName(name, input);
    expect(res.ok, name).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.message).toMatch(/inside a character/);
    }
    expect(snapshot(lib)).toBe(before);
  }

  it('highlights.create: start or end inside an emoji or a combining sequence', async () => {
    await refused('highlights.create', { docId, start: emoji() + 1, end: emoji() + 8, color: 'yellow' });
    await refused('highlights.create', { docId, start: 0, end: emoji() + 1, color: 'yellow' });
    const q = text.indexOf('q\u0307');
    await refused('highlights.create', { docId, start: q, end: q + 1, color: 'yellow' });
    const ok = await api.call('highlights.create', { docId, start: emoji(), end: emoji() + 2, color: 'yellow' });
    expect(ok.ok).toBe(true);
  });

  it('highlights.restore: a record whose range splits a character', async () => {
    const h = await api.call('highlights.create', { docId, start: 0, end: 5, color: 'green' });
    if (!h.ok) throw new Error(h.error.message);
    const del = await api.call('highlights.delete', { id: h.value.id });
    expect(del.ok).toBe(true);
    const record = { ...h.value, start: emoji() + 1, end: emoji() + 5, exact: text.slice(emoji() + 1, emoji() + 5) };
    const res = await api.callByName('highlights.restore', { record });
    // Refused for the split range (or for the shape of the record: either way, INVALID_INPUT).
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INVALID_INPUT');
  });

  it('cards.fromHighlight: words to hide that start inside an emoji', async () => {
    const h = await api.call('highlights.create', { docId, start: 0, end: text.indexOf('.') + 1, color: 'blue' });
    if (!h.ok) throw new Error(h.error.message);
    await refused('cards.fromHighlight', { highlightId: h.value.id, start: emoji() + 1, end: emoji() + 7 });
  });

  it('annotations.import: a W3C quote that starts in the middle of an emoji', async () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      target: { source: `urn:parallax:doc:${docId}`, selector: [{ type: 'TextQuoteSelector', exact: text.slice(emoji() + 1, emoji() + 8) }] },
    };
    await refused('annotations.import', { content: JSON.stringify(annotation) });
  });
});
