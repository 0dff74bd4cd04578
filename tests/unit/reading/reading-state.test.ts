import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import type { Library } from '../../../electron/core/library.js';
import { getReadingState, readingProgressByDoc, saveReadingState } from '../../../electron/core/reading.js';
import { freshLibrary } from '../../helpers/library.js';

let lib: Library;
let id: string;

beforeAll(async () => {
  lib = await freshLibrary();
  const first = lib.db.prepare('SELECT id FROM documents ORDER BY id LIMIT 1').get() as { id: string };
  id = first.id;
});
afterAll(async () => {
  await lib.close();
});

describe('reading state', () => {
  it('is empty for a document never opened', () => {
    expect(getReadingState(lib.db, id)).toEqual({ position: 0, positionWithin: 0, progress: 0 });
    expect(readingProgressByDoc(lib.db).has(id)).toBe(false);
  });

  it('keeps the sentence offset and the fraction within it apart', () => {
    saveReadingState(lib.db, id, { position: 1234, positionWithin: 0.375, progress: 0.2 });
    expect(getReadingState(lib.db, id)).toEqual({ position: 1234, positionWithin: 0.375, progress: 0.2 });
    // Repeated saves of the same anchor give the same anchor back (no drift).
    for (let i = 0; i < 5; i++) saveReadingState(lib.db, id, getReadingState(lib.db, id));
    expect(getReadingState(lib.db, id)).toEqual({ position: 1234, positionWithin: 0.375, progress: 0.2 });
  });

  it('reads whole-number positions from older libraries as the start of the sentence', () => {
    lib.db.prepare('UPDATE reading_state SET position = 500 WHERE doc_id = ?').run(id);
    expect(getReadingState(lib.db, id)).toMatchObject({ position: 500, positionWithin: 0 });
  });

  it('never lowers progress, and clamps the fraction below one sentence', () => {
    saveReadingState(lib.db, id, { position: 10, positionWithin: 1, progress: 0.6 });
    const after = saveReadingState(lib.db, id, { position: 5, positionWithin: 0, progress: 0.1 });
    expect(after.progress).toBe(0.6);
    expect(after.position).toBe(5);
    const clamped = saveReadingState(lib.db, id, { position: 7, positionWithin: 1, progress: 0.6 });
    expect(clamped).toMatchObject({ position: 7, positionWithin: 0.999 });
    expect(readingProgressByDoc(lib.db).get(id)).toBe(0.6);
  });

  it('goes through the contract: docs.setPosition then docs.get', async () => {
    const api = createDispatcher(lib, () => {});
    const set = await api.call('docs.setPosition', { id, position: 42, positionWithin: 0.5, progress: 0.7 });
    expect(set).toEqual({ ok: true, value: { position: 42, positionWithin: 0.5, progress: 0.7 } });
    const got = await api.call('docs.get', { id });
    expect(got.ok && { position: got.value.position, positionWithin: got.value.positionWithin }).toEqual({ position: 42, positionWithin: 0.5 });
    const bad = await api.call('docs.setPosition', { id, position: 1, positionWithin: 2, progress: 0 });
    expect(bad.ok).toBe(false);
  });
});
