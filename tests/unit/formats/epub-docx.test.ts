import { strToU8, zipSync } from 'fflate';
import { buildDocx, buildEpub } from './builders.js';
import { describe, expect, it } from 'vitest';
import { decodeImportFile } from '../../../electron/core/corpus/decode.js';
import { refusal } from '../corpus/helpers.js';

describe('EPUB import', () => {
  it('reads the spine in order, each chapter a level-1 heading, the metadata from the OPF', async () => {
    const d = await decodeImportFile('winter.epub', buildEpub());
    expect(d).toMatchObject({ title: 'The Winter Book', author: 'Ana Popescu', language: 'fr', published: '2021-03-04' });
    expect(d.blocks!.map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ['heading', 1, 'The Winter Book'],
      ['heading', 1, 'Snow'],
      ['paragraph', null, 'Le premier chapitre parle de la neige et de l’hiver dans la ville.'],
      ['heading', 2, 'At night'],
      ['paragraph', null, 'La nuit est longue et il fait très froid dans les rues.'],
      ['heading', 1, 'Chapter Two: Thaw'],
      ['paragraph', null, 'Le second chapitre n’a pas de titre à lui, mais la table des matières lui en donne un.'],
      ['quote', null, 'Une citation célèbre sur le dégel.'],
    ]);
    const em = d.blocks![2]!.marks!;
    expect(em.map((m) => [m.kind, d.blocks![2]!.text.slice(m.start, m.end)])).toEqual([['em', 'l’hiver']]);
  });

  it('EPUB 2: the NCX labels chapters without a heading', async () => {
    const d = await decodeImportFile('winter2.epub', buildEpub({ version: 2 }));
    expect(d.blocks!.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => b.text)).toEqual(['The Winter Book', 'Snow', 'Two: Thaw']);
  });

  it('refuses DRM, a damaged zip and a zip that is no EPUB, naming the file', async () => {
    expect(await refusal('drm.epub', buildEpub({ encrypted: true }))).toMatchObject({ code: 'ENCRYPTED_FILE', message: expect.stringMatching(/^drm\.epub is protected by DRM/) });
    const cut = buildEpub().slice(0, 300);
    expect(await refusal('cut.epub', cut)).toMatchObject({ code: 'MALFORMED_FILE', message: expect.stringMatching(/^cut\.epub is not a readable EPUB book/) });
    const other = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await refusal('other.epub', other)).toMatchObject({ code: 'MALFORMED_FILE', message: expect.stringMatching(/^other\.epub is not a valid EPUB: META-INF\/container\.xml is missing/) });
  });
});

describe('DOCX import', () => {
  it('keeps headings, bold and italic, and footnotes; metadata from the core properties', async () => {
    const d = await decodeImportFile('minutes.docx', buildDocx());
    expect(d).toMatchObject({ title: 'Council Minutes', author: 'Clerk of the Council', published: '2022-11-29' });
    const blocks = d.blocks!;
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Council Minutes' });
    expect(blocks.find((b) => b.text === 'Next steps')).toMatchObject({ kind: 'heading', level: 2 });
    const p = blocks.find((b) => b.text.startsWith('The council'))!;
    expect(p.marks!.map((m) => [m.kind, p.text.slice(m.start, m.end)])).toEqual([
      ['strong', 'approved'],
      ['em', 'winter plan'],
    ]);
    expect(d.text).toContain('Minutes approved at the next meeting.');
  });

  it('refuses a zip that is not a Word document', async () => {
    expect(await refusal('fake.docx', zipSync({ 'a.txt': strToU8('x') }))).toMatchObject({
      code: 'MALFORMED_FILE',
      message: expect.stringMatching(/^fake\.docx is not a valid Word document/),
    });
  });
});
