import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/handlers.js';
import { freshLibrary, snapshot } from '../../helpers/library.js';

const b64 = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s).toString('base64');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f0f3f10000000049454e44ae426082', 'hex');

async function setup() {
  const lib = await freshLibrary();
  return { lib, api: createDispatcher(lib, () => {}) };
}

describe('import', () => {
  it('imports a text file, then refuses the same content as DUPLICATE', async () => {
    const { lib, api } = await setup();
    const file = { name: 'briefing.txt', dataBase64: b64('Briefing on the Bucharest meeting\n\nThe ministers met on Tuesday. They agreed on more aid.') };
    const first = await api.call('docs.import', { files: [file] });
    expect(first.ok && first.value[0] && 'id' in first.value[0]).toBe(true);
    const before = snapshot(lib);
    const second = await api.call('docs.import', { files: [{ ...file, name: 'copy-of-briefing.txt' }] });
    expect(second.ok).toBe(true);
    const outcome = second.ok ? second.value[0] : undefined;
    expect(outcome && 'error' in outcome ? outcome.error.code : null).toBe('DUPLICATE');
    expect(outcome && 'error' in outcome ? outcome.error.message : '').toMatch(/already in the library/);
    expect(snapshot(lib)).toBe(before);
    await lib.close();
  });

  it.each([
    ['an empty file', 'empty.txt', Buffer.alloc(0), 'EMPTY_FILE'],
    ['a whitespace-only file', 'blank.txt', Buffer.from('  \n\n\t \n'), 'EMPTY_FILE'],
    ['a binary file', 'data.txt', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]), 'BINARY_FILE'],
    ['a PNG renamed .txt', 'photo.txt', PNG, 'BINARY_FILE'],
    ['invalid UTF-8', 'latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x0a]), 'INVALID_UTF8'],
    ['an unsupported type', 'report.odt', Buffer.from('not really'), 'UNSUPPORTED_FILE'],
    ['a damaged PDF', 'report.pdf', Buffer.from('%PDF-1.4 not really'), 'MALFORMED_FILE'],
  ])('refuses %s with its own message and leaves the library untouched', async (_label, name, bytes, code) => {
    const { lib, api } = await setup();
    const before = snapshot(lib);
    const res = await api.call('docs.import', { files: [{ name, dataBase64: b64(bytes) }] });
    expect(res.ok).toBe(true);
    const outcome = res.ok ? res.value[0] : undefined;
    expect(outcome && 'error' in outcome ? outcome.error.code : 'imported').toBe(code);
    expect(outcome && 'error' in outcome ? outcome.error.message.length : 0).toBeGreaterThan(10);
    expect(snapshot(lib)).toBe(before);
    await lib.close();
  });

  it('refuses a file over the size limit with TOO_LARGE', async () => {
    const { lib, api } = await setup();
    const before = snapshot(lib);
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 'a');
    const res = await api.call('docs.import', { files: [{ name: 'huge.txt', dataBase64: b64(big) }] });
    const outcome = res.ok ? res.value[0] : undefined;
    expect(outcome && 'error' in outcome ? outcome.error.code : 'imported').toBe('TOO_LARGE');
    expect(snapshot(lib)).toBe(before);
    await lib.close();
  });

  it('reports each file of a batch on its own', async () => {
    const { lib, api } = await setup();
    const res = await api.call('docs.import', {
      files: [
        { name: 'a.txt', dataBase64: b64('First imported note.\n\nIt has two paragraphs.') },
        { name: 'b.txt', dataBase64: '' },
        { name: 'c.md', dataBase64: b64('# A heading\n\nSome *markdown* text about the meeting.') },
      ],
    });
    expect(res.ok).toBe(true);
    const v = res.ok ? res.value : [];
    expect(v.map((o) => ('id' in o ? 'ok' : o.error.code))).toEqual(['ok', 'EMPTY_FILE', 'ok']);
    const docs = await api.call('docs.list', {});
    expect(docs.ok ? docs.value.length : 0).toBe(7);
    await lib.close();
  });

  it('treats a changed file with the same name as a new version of that document', async () => {
    const { lib, api } = await setup();
    const one = await api.call('docs.import', { files: [{ name: 'notes.txt', dataBase64: b64('Version one of my notes.') }] });
    const two = await api.call('docs.import', { files: [{ name: 'notes.txt', dataBase64: b64('Version two of my notes, edited.') }] });
    const id1 = one.ok && one.value[0] && 'id' in one.value[0] ? one.value[0].id : 'x';
    const id2 = two.ok && two.value[0] && 'id' in two.value[0] ? two.value[0].id : 'y';
    expect(id2).toBe(id1);
    const doc = await api.call('docs.get', { id: id1 });
    expect(doc.ok && doc.value.text).toContain('Version two');
    await lib.close();
  });
});
