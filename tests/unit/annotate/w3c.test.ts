import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../../helpers/library.js';
import { REPORT, setup, spanOf, type Setup } from './helpers.js';
import { ConformanceSuite, CONFORMANCE_DIR, conformanceAvailable } from './w3c-musts.js';

// W3C Web Annotation export: every exported annotation passes every assertion of the W3C
// "musts" test (annotations/annotationMusts.test), read at test time from ../shared.
// Import: round trip, no duplicates on re-import, all-or-nothing on malformed files.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const MUSTS = 'annotations/annotationMusts.test';
const BUCHAREST = 'b44e6ea7410dd368';
const FREE_PRESS = 'da58ee4863b15816';

let s: Setup;
let reportId: string;

/** A library with every kind of thing an export carries. */
async function populate(): Promise<void> {
  s = await setup({ corpus: true });
  const { call } = s;
  const bText = await s.textOf(BUCHAREST);
  const fText = await s.textOf(FREE_PRESS);
  await call('highlights.create', { docId: BUCHAREST, start: 0, end: 4, color: 'yellow' }); // at the very start: empty prefix
  await call('highlights.create', { docId: BUCHAREST, ...spanOf(bText, 'Western Balkans'), color: 'green', note: 'Line one\n\n- a *list* item\n- “quoted” <b>not html</b> 🙂' });
  await call('highlights.create', { docId: BUCHAREST, start: bText.length - 12, end: bText.length, color: 'purple', note: 'Ends the text: empty suffix.' });
  await call('highlights.create', { docId: FREE_PRESS, start: 0, end: Math.min(60, fText.length), color: 'blue' });
  await call('highlights.create', { docId: FREE_PRESS, start: 20, end: 80, color: 'pink', note: 'Overlaps the blue one.' });
  await call('notes.set', { docId: FREE_PRESS, body: 'Free Press leads with the annexation.\n\n**Compare** with the statement.' });
  // An orphan: a highlight whose words left the document in a new version.
  reportId = await s.importText('report.txt', REPORT);
  const rText = await s.textOf(reportId);
  await call('highlights.create', { docId: reportId, ...spanOf(rText, 'withdraw its forces from Ukraine immediately'), color: 'pink', note: 'Gone in v2.' });
  await call('highlights.create', { docId: reportId, ...spanOf(rText, 'energy security'), color: 'yellow' });
  await s.importText('report.txt', REPORT.replace('Russia must withdraw its forces from Ukraine immediately, the joint statement says.\n\n', ''));
}

async function exportW3c(): Promise<JsonObject> {
  const res = await s.call('annotations.export', { format: 'w3c' });
  expect(res.filename).toMatch(/\.jsonld$/);
  return JSON.parse(res.content) as JsonObject;
}

const itemsOf = (collection: JsonObject): JsonObject[] => ((collection.first as JsonObject | undefined)?.items ?? []) as JsonObject[];

beforeAll(populate);
afterAll(async () => s.lib.close());

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection with one annotation per highlight and per document note', async () => {
    const highlights = await s.call('highlights.list', {});
    expect(highlights.filter((h) => h.orphan)).toHaveLength(1);
    const c = await exportW3c();
    expect(c).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: highlights.length + 1 });
    expect(c.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0 });
    const items = itemsOf(c);
    expect(items).toHaveLength(highlights.length + 1);
    for (const h of highlights) {
      const a = items.find((x) => x.id === `urn:uuid:${h.id}`) as JsonObject;
      expect(a, h.id).toBeDefined();
      expect(a).toMatchObject({ type: 'Annotation', motivation: h.note ? 'commenting' : 'highlighting', created: h.createdAt, modified: h.updatedAt });
      const target = a.target as JsonObject;
      expect(target.source).toBe(`urn:parallax:doc:${h.docId}`);
      expect(target.styleClass).toBe(`parallax-${h.color}`);
      const selectors = target.selector as JsonObject[];
      expect(selectors[0]).toEqual({ type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix });
      if (h.orphan) expect(selectors).toHaveLength(1);
      else expect(selectors[1]).toEqual({ type: 'TextPositionSelector', start: h.start, end: h.end });
      if (h.note) expect(a.body).toEqual({ type: 'TextualBody', value: h.note, format: 'text/markdown', purpose: 'commenting' });
      else expect(a.body).toBeUndefined();
    }
    const docNote = items.find((x) => x.target === `urn:parallax:doc:${FREE_PRESS}`);
    expect(docNote).toMatchObject({ motivation: 'commenting', body: { type: 'TextualBody', value: expect.stringContaining('annexation') } });
  });

  it('exports one document alone when asked, and refuses an unknown one', async () => {
    const res = await s.call('annotations.export', { format: 'w3c', docId: FREE_PRESS });
    const items = itemsOf(JSON.parse(res.content) as JsonObject);
    expect(items).toHaveLength(3);
    expect((await s.fails('annotations.export', { format: 'w3c', docId: 'nosuchdoc' })).code).toBe('NOT_FOUND');
  });
});

describe.skipIf(!conformanceAvailable())('W3C conformance (annotationMusts.test from ../shared)', () => {
  let suite: ConformanceSuite;
  beforeAll(() => {
    suite = new ConformanceSuite();
  });

  it('every exported annotation passes every assertion of annotationMusts.test', async () => {
    const items = itemsOf(await exportW3c());
    expect(items.length).toBeGreaterThan(5);
    const assertions = (JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, MUSTS), 'utf8')) as { assertions: unknown[] }).assertions;
    for (const a of items) {
      const { outcomes, passed } = suite.run(MUSTS, a as Json);
      expect(outcomes).toHaveLength(assertions.length);
      expect(outcomes.every((o) => o.actual === 'valid'), outcomes.filter((o) => o.actual !== 'valid').map((o) => o.message).join('\n')).toBe(true);
      expect(passed).toBe(true);
    }
  });

  it('the check can fail: broken variants of an exported annotation are caught', async () => {
    const good = itemsOf(await exportW3c()).find((a) => a.body !== undefined && Array.isArray((a.target as JsonObject).selector)) as JsonObject;
    expect(suite.run(MUSTS, good as Json).passed).toBe(true);
    const clone = (): JsonObject => JSON.parse(JSON.stringify(good)) as JsonObject;
    const selectors = (a: JsonObject) => (a.target as JsonObject).selector as JsonObject[];
    const broken: Array<[string, (a: JsonObject) => void, string]> = [
      ['no @context', (a) => void delete a['@context'], '3.1-annotationContextValidated'],
      ['a wrong @context', (a) => void (a['@context'] = 'http://example.org/context.jsonld'), '3.1-annotationContextValidated'],
      ['an id that is not a URI', (a) => void (a.id = 'not a uri'), '3.1-annotationIdValidated'],
      ['no target', (a) => void delete a.target, '3.1-targetKeyFound'],
      ['both body and bodyValue', (a) => void (a.bodyValue = 'x'), '3.2.5-notBodyBodyValue'],
      ['a created date that is not a date-time', (a) => void (a.created = '29 November 2022'), '3.3.1-annotationCreatedValidated'],
      ['a TextQuoteSelector without exact', (a) => void delete (selectors(a)[0] as JsonObject).exact, '4.2.4-textQuoteSelectorValid'],
      ['a negative TextPositionSelector start', (a) => void ((selectors(a)[1] as JsonObject).start = -1), '4.2-TextDataPositionSelectorValid'],
      ['a target that is a TextualBody', (a) => void (a.target = { type: 'TextualBody', value: 'text' }), '3.2.4-targNoTypeTextualBody'],
    ];
    for (const [label, breakIt, assertion] of broken) {
      const a = clone();
      breakIt(a);
      const { passed, outcomes } = suite.run(MUSTS, a as Json);
      expect(passed, label).toBe(false);
      expect(outcomes.filter((o) => o.result === 'fail').map((o) => o.file).join(' '), label).toContain(assertion);
    }
  });

  it('agrees with the suite’s own samples: correct annotations pass, incorrect ones fail', () => {
    const dir = path.join(CONFORMANCE_DIR, 'tools', 'samples');
    const read = (kind: string) =>
      fs.readdirSync(path.join(dir, kind)).flatMap((f) => {
        try {
          return [[f, JSON.parse(fs.readFileSync(path.join(dir, kind, f), 'utf8')) as Json] as const];
        } catch {
          return []; // some incorrect samples are not even JSON
        }
      });
    const correct = read('correct').filter(([, a]) => {
      const o = a as JsonObject;
      // Collections are not annotations; Composite/List/Independents targets predate these schemas.
      return o.type === 'Annotation' && !JSON.stringify(o.target ?? '').match(/"type":"(Composite|List|Independents)"/);
    });
    expect(correct.length).toBeGreaterThan(30);
    for (const [f, a] of correct) expect(suite.run(MUSTS, a).passed, `correct/${f}`).toBe(true);
    const incorrect = read('incorrect');
    expect(incorrect.length).toBeGreaterThan(15);
    for (const [f, a] of incorrect) expect(suite.run(MUSTS, a).passed, `incorrect/${f}`).toBe(false);
  });
});

if (!conformanceAvailable()) {
  describe('W3C conformance', () => {
    it.skip(`skipped: the W3C test suite was not found at ${CONFORMANCE_DIR}`, () => {});
  });
}

describe('W3C Web Annotation import', () => {
  const fields = ['id', 'docId', 'start', 'end', 'exact', 'prefix', 'suffix', 'color', 'note', 'orphan', 'createdAt', 'updatedAt'] as const;
  const comparable = (list: Array<Record<(typeof fields)[number], unknown>>) =>
    list.map((h) => Object.fromEntries(fields.map((f) => [f, h[f]]))).sort((a, b) => String(a.id).localeCompare(String(b.id)));

  it('restores everything from its own export (round trip), and re-importing adds nothing', async () => {
    const before = await s.call('highlights.list', {});
    const notes = await s.call('notes.list', {});
    const { content } = await s.call('annotations.export', { format: 'w3c' });
    s.lib.db.exec('DELETE FROM highlights; DELETE FROM doc_notes;');
    const res = await s.call('annotations.import', { content });
    expect(res).toMatchObject({ imported: before.length + notes.length, orphans: 1, skipped: 0 });
    expect(res.messages.join(' ')).toMatch(/could not be placed/);
    const after = await s.call('highlights.list', {});
    // Placed highlights come back exactly; the orphan keeps its words (its old position is not exported).
    expect(comparable(after.filter((h) => !h.orphan))).toEqual(comparable(before.filter((h) => !h.orphan)));
    const orphan = after.find((h) => h.orphan);
    expect(orphan).toMatchObject({ exact: 'withdraw its forces from Ukraine immediately', note: 'Gone in v2.', color: 'pink', docId: reportId });
    expect(await s.call('notes.list', {})).toEqual(notes.map((n) => ({ ...n, updatedAt: expect.any(String) })));

    const snap = snapshot(s.lib);
    const again = await s.call('annotations.import', { content });
    expect(again).toMatchObject({ imported: 0, orphans: 0, skipped: before.length + notes.length });
    expect(again.messages.join(' ')).toMatch(/already in the library/);
    expect(snapshot(s.lib)).toBe(snap);
  });

  it('accepts a single Annotation, an array, and an AnnotationPage; a TextQuoteSelector alone is enough', async () => {
    const text = await s.textOf(BUCHAREST);
    const words = 'energy blackmail practiced by Moscow';
    const { start, end } = spanOf(text, words);
    const single = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno/1',
      type: 'Annotation',
      bodyValue: 'Imported from another tool',
      target: { source: `urn:parallax:doc:${BUCHAREST}`, selector: { type: 'TextQuoteSelector', exact: words, prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) } },
    };
    const res = await s.call('annotations.import', { content: JSON.stringify(single) });
    expect(res).toMatchObject({ imported: 1, orphans: 0, skipped: 0 });
    const made = (await s.call('highlights.list', { docId: BUCHAREST, text: 'blackmail' }))[0];
    expect(made).toMatchObject({ start, end, exact: words, note: 'Imported from another tool', color: 'yellow', orphan: false });
    // Same annotation again (a foreign id: recognised by its place), as an array and as a page.
    expect(await s.call('annotations.import', { content: JSON.stringify([single]) })).toMatchObject({ imported: 0, skipped: 1 });
    expect(await s.call('annotations.import', { content: JSON.stringify({ type: 'AnnotationPage', items: [single] }) })).toMatchObject({ imported: 0, skipped: 1 });
    // Colour by tagging body; several targets, the Parallax one is used.
    const tagged = {
      ...single,
      id: 'http://example.org/anno/2',
      bodyValue: undefined,
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'green' }, { type: 'TextualBody', value: 'tagged green' }],
      target: ['http://example.com/page', { ...single.target, selector: [{ type: 'TextQuoteSelector', exact: 'Euro-Atlantic aspirations' }] }],
    };
    expect(await s.call('annotations.import', { content: JSON.stringify(tagged) })).toMatchObject({ imported: 1 });
    expect((await s.call('highlights.list', { text: 'tagged green' }))[0]).toMatchObject({ color: 'green', exact: 'Euro-Atlantic aspirations' });
  });

  it('skips annotations for documents that are not in the library, saying why', async () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: 'Annotation',
      target: { source: 'urn:parallax:doc:notinthislibrary', selector: { type: 'TextQuoteSelector', exact: 'anything' } },
    };
    const web = { ...foreign, id: 'http://example.org/x', target: 'http://example.com/page' };
    const snap = snapshot(s.lib);
    const res = await s.call('annotations.import', { content: JSON.stringify([foreign, web]) });
    expect(res).toMatchObject({ imported: 0, skipped: 2 });
    expect(res.messages.join(' ')).toMatch(/not in this library/);
    expect(res.messages.join(' ')).toMatch(/not a Parallax document/);
    expect(snapshot(s.lib)).toBe(snap);
  });

  it('refuses a malformed file with a clear message and changes nothing', async () => {
    const { content } = await s.call('annotations.export', { format: 'w3c' });
    const good = itemsOf(JSON.parse(content) as JsonObject).slice(0, 3);
    const fresh = good.map((a) => ({ ...a, id: 'http://example.org/new/' + String(a.id) }));
    const bad: Array<[string, string]> = [
      ['not JSON', 'this is not json {'],
      ['Markdown', '# Highlights and notes\n\n> quote'],
      ['a number', '42'],
      ['an object of another type', JSON.stringify({ type: 'Book', title: 'x' })],
      ['a list with a string in it', JSON.stringify([...fresh, 'urn:x'])],
      ['an annotation without a target', JSON.stringify([...fresh, { type: 'Annotation', id: 'http://e.org/1' }])],
      ['a non-annotation item', JSON.stringify([...fresh, { type: 'Note', target: 'x' }])],
      ['a quote selector whose exact is not text', JSON.stringify([...fresh, { type: 'Annotation', target: { source: `urn:parallax:doc:${BUCHAREST}`, selector: { type: 'TextQuoteSelector', exact: 5 } } }])],
      ['a negative position', JSON.stringify([...fresh, { type: 'Annotation', target: { source: `urn:parallax:doc:${BUCHAREST}`, selector: [{ type: 'TextQuoteSelector', exact: 'NATO' }, { type: 'TextPositionSelector', start: -1, end: 3 }] } }])],
      ['a note that is not text', JSON.stringify([...fresh, { type: 'Annotation', body: { type: 'TextualBody', value: ['a'] }, target: `urn:parallax:doc:${BUCHAREST}` }])],
      ['a collection whose pages are elsewhere', JSON.stringify({ type: 'AnnotationCollection', first: 'http://example.org/page1' })],
    ];
    const snap = snapshot(s.lib);
    for (const [label, text] of bad) {
      const err = await s.fails('annotations.import', { content: text });
      expect(err.code, label).toBe('INVALID_INPUT');
      expect(err.message, label).toMatch(/cannot be imported: .+ Nothing was changed\./);
      expect(snapshot(s.lib), label).toBe(snap);
    }
    // The good part alone is accepted: it was the bad item that stopped the whole file.
    const alone = await s.call('annotations.import', { content: JSON.stringify(fresh) });
    expect(alone.imported + alone.skipped).toBe(fresh.length);
  });
});

describe('Markdown export', () => {
  it('groups by document with a citation, each quote with its colour and note, orphans apart', async () => {
    const { content, filename } = await s.call('annotations.export', { format: 'md' });
    expect(filename).toMatch(/\.md$/);
    const freePress = content.indexOf('## “We will never recognize Russia’s illegal annexation,” the NATO allies said');
    const bucharest = content.indexOf('## NATO foreign ministers adopt joint statement in Bucharest');
    expect(freePress).toBeGreaterThan(0);
    expect(bucharest).toBeGreaterThan(0);
    expect(content).toMatch(/## “We will never recognize Russia’s illegal annexation,” the NATO allies said\n\nFree Press · .+\n/);
    expect(content).toMatch(/## NATO foreign ministers adopt joint statement in Bucharest: support for Ukraine “as long as necessary”\n\n.+ · 29 November 2022\n/);
    expect(content).toContain('> Western Balkans');
    expect(content).toMatch(/> Western Balkans\n\n— Paragraph \d+ · green highlight/);
    expect(content).not.toMatch(/characters \d/);
    expect(content).toContain('**Note:**\n\nLine one\n\n- a *list* item');
    expect(content).toContain('### Note on this document\n\nFree Press leads with the annexation.');
    const orphanAt = content.indexOf('### Could not be placed');
    expect(orphanAt).toBeGreaterThan(0);
    expect(content.slice(orphanAt)).toContain('> withdraw its forces from Ukraine immediately');
    // Source text is escaped so it cannot turn into Markdown formatting.
    expect(content).not.toMatch(/^> #/m);
  });
});
