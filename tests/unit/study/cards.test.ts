import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../electron/core/library.js';
import {
  cardFromHighlight,
  deleteCard,
  ensureCards,
  getCard,
  gradeCard,
  listCards,
  regenerateCards,
  restoreCard,
  revertCard,
  updateCard,
  exportAnki,
  exportJson,
  type Card,
} from '../../../electron/core/study/index.js';
import { createHighlight } from '../../../electron/core/annotate/index.js';
import { freshLibrary, malformed, BLANK } from './helpers.js';

// What the reader does to cards survives regeneration; cards from highlights; export.

describe('editing cards and regenerating the deck', () => {
  let lib: Library;
  beforeAll(async () => {
    lib = await freshLibrary();
    ensureCards(lib.db);
  });
  afterAll(async () => lib?.close());

  it('generates on first use only; asking again changes nothing', () => {
    const before = listCards(lib.db).map((c) => c.id);
    expect(ensureCards(lib.db)).toBeNull();
    expect(listCards(lib.db).map((c) => c.id)).toEqual(before);
  });

  it('keeps ids stable across a full regeneration', () => {
    const before = listCards(lib.db).map((c) => c.id).sort();
    const summary = regenerateCards(lib.db);
    expect(summary.added).toBe(0);
    expect(summary.removed).toBe(0);
    expect(listCards(lib.db).map((c) => c.id).sort()).toEqual(before);
  });

  it('keeps edits, suspensions and deletions through regeneration', () => {
    const [a, b, c] = listCards(lib.db).filter((x) => x.kind === 'cloze') as [Card, Card, Card];
    updateCard(lib.db, a.id, { prompt: `${a.prompt} (edited)`, answer: 'my answer' });
    updateCard(lib.db, b.id, { suspended: true });
    deleteCard(lib.db, c.id);
    regenerateCards(lib.db);
    expect(getCard(lib.db, a.id)).toMatchObject({ prompt: `${a.prompt} (edited)`, answer: 'my answer', edited: true });
    expect(getCard(lib.db, b.id).suspended).toBe(true);
    expect(getCard(lib.db, c.id).deleted).toBe(true);
    expect(listCards(lib.db).some((x) => x.id === c.id)).toBe(false);
    expect(listCards(lib.db, { state: 'deleted' }).map((x) => x.id)).toEqual([c.id]);
    expect(listCards(lib.db, { state: 'suspended' }).map((x) => x.id)).toEqual([b.id]);
    // Restore and revert.
    expect(restoreCard(lib.db, c.id).deleted).toBe(false);
    const reverted = revertCard(lib.db, a.id);
    expect(reverted.edited).toBe(false);
    expect(reverted.prompt).toBe(a.prompt);
    updateCard(lib.db, a.id, { answer: 'mine again' });
  });

  it('refuses an empty prompt or answer with a sentence the reader can act on', () => {
    const id = (listCards(lib.db)[0] as { id: string }).id;
    expect(() => updateCard(lib.db, id, { answer: '  ' })).toThrow(/needs an answer/);
    expect(() => getCard(lib.db, 'nope')).toThrow(/No card with id nope/);
  });

  it('drops untouched cards whose source is gone but keeps the ones the reader touched', async () => {
    const docId = 'db710659ffeaf388';
    const fromDoc = listCards(lib.db, { docId }).filter((c) => c.docIds.length === 1);
    expect(fromDoc.length).toBeGreaterThan(2);
    const [edited, reviewed, untouched] = fromDoc as [Card, Card, Card];
    updateCard(lib.db, edited.id, { answer: 'kept because I edited it' });
    gradeCard(lib.db, reviewed.id, 3);
    await lib.deleteDocument(docId);
    ensureCards(lib.db);
    expect(getCard(lib.db, edited.id)).toMatchObject({ answer: 'kept because I edited it', orphaned: true });
    expect(getCard(lib.db, reviewed.id)).toMatchObject({ orphaned: true, reps: 1 });
    expect(() => getCard(lib.db, untouched.id)).toThrow(/No card/);
    // The review history is still there.
    expect(lib.db.prepare('SELECT count(*) AS n FROM review_log WHERE card_id = ?').get(reviewed.id)).toEqual({ n: 1 });
  });
});

describe('cards from highlights', () => {
  let lib: Library;
  beforeAll(async () => {
    lib = await freshLibrary();
    ensureCards(lib.db);
  });
  afterAll(async () => lib?.close());

  it('turns a highlight into a cloze card hiding the words the reader chose', () => {
    const docId = '4435434e06963c7c';
    const text = (lib.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;
    const phrase = 'ground-based air defense systems';
    const start = text.indexOf(phrase);
    const h = createHighlight(lib.db, { docId, start, end: start + phrase.length, color: 'yellow' });
    const hideStart = start + 'ground-based '.length;
    const card = cardFromHighlight(lib.db, { highlightId: h.id, start: hideStart, end: hideStart + 'air defense'.length });
    expect(card).toMatchObject({ kind: 'highlight', origin: 'reader', answer: 'air defense', highlightId: h.id, docIds: [docId] });
    expect(card.prompt).toContain(`ground-based ${BLANK} systems`);
    expect(card.prompt.startsWith('Sweden also announced')).toBe(true);
    expect(malformed(card)).toBeNull();
    // The same choice again gives the same card; regeneration leaves it alone.
    expect(cardFromHighlight(lib.db, { highlightId: h.id, start: hideStart, end: hideStart + 'air defense'.length }).id).toBe(card.id);
    ensureCards(lib.db);
    expect(getCard(lib.db, card.id).answer).toBe('air defense');
  });

  it('refuses words outside the highlight and unknown highlights', () => {
    const docId = '4435434e06963c7c';
    const text = (lib.db.prepare('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string }).text;
    const start = text.indexOf('$53 million');
    const h = createHighlight(lib.db, { docId, start, end: start + 11, color: 'green' });
    expect(() => cardFromHighlight(lib.db, { highlightId: h.id, start: start - 5, end: start + 3 })).toThrow(/inside the highlight/);
    expect(() => cardFromHighlight(lib.db, { highlightId: 'missing', start: 0, end: 1 })).toThrow(/No highlight/);
  });

  it('ranks highlighted sentences higher when the deck is rebuilt', () => {
    const keyed = listCards(lib.db).filter((c) => c.reasons.includes('you highlighted it'));
    expect(keyed.length).toBeGreaterThan(0);
  });
});

describe('export', () => {
  let lib: Library;
  beforeAll(async () => {
    lib = await freshLibrary();
    ensureCards(lib.db);
  });
  afterAll(async () => lib?.close());

  it('writes Anki plain-text files with the documented headers, one per note type', () => {
    const cards = listCards(lib.db);
    const files = exportAnki(cards);
    expect(files.map((f) => f.notetype)).toEqual(['Cloze', 'Basic']);
    expect(files.reduce((n, f) => n + f.count, 0)).toBe(cards.length);
    for (const f of files) {
      const lines = f.content.trimEnd().split('\n');
      const headers = lines.filter((l) => l.startsWith('#'));
      expect(headers).toEqual([
        '#separator:tab',
        '#html:true',
        `#notetype:${f.notetype}`,
        '#deck:Parallax',
        f.notetype === 'Cloze' ? '#columns:Text\tBack Extra\tTags' : '#columns:Front\tBack\tTags',
        '#tags column:3',
      ]);
      // Headers only at the top; then one note per line with exactly three fields.
      const rows = lines.slice(headers.length);
      expect(rows.some((r) => r.startsWith('#'))).toBe(false);
      expect(rows).toHaveLength(f.count);
      for (const r of rows) {
        const fields = r.split('\t');
        expect(fields).toHaveLength(3);
        expect(fields[2]).toMatch(/^parallax parallax::[a-z-]+( parallax::[\w:-]+)*$/);
        expect(r.replace(/<br>|<\/?small>/g, '')).not.toMatch(/[<>]/); // text is HTML-escaped; only our own tags
        if (f.notetype === 'Cloze') {
          expect(fields[0]?.match(/\{\{c1::/g)).toHaveLength(1);
          expect(fields[0]).not.toContain(BLANK);
        }
      }
    }
    const euros = files[0]?.content.split('\n').find((l) => l.includes('{{c1::€270 million}}'));
    expect(euros).toBeDefined();
  });

  it('exports JSON with every card, its sources and the review log', () => {
    const id = (listCards(lib.db)[0] as { id: string }).id;
    gradeCard(lib.db, id, 3);
    const j = exportJson(lib.db);
    const parsed = JSON.parse(JSON.stringify(j)) as typeof j;
    expect(parsed.format).toBe('parallax-cards');
    expect(parsed.cards).toHaveLength(listCards(lib.db).length);
    expect(parsed.cards[0]?.sources.length).toBeGreaterThan(0);
    expect(parsed.reviews).toHaveLength(1);
    expect(parsed.reviews[0]).toMatchObject({ cardId: id, rating: 3, kind: 'review' });
  });
});
