import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import { inTransaction } from '../db/open.js';
import { errorMessage, ParallaxError } from '../errors.js';
import { isCharacterBoundary, isWellFormedText } from '../text-offsets.js';
import { anchor, quoteAt, type QuoteSelector } from './anchor.js';
import { exportSelection, type ExportOptions } from './export-select.js';
import { newId, reanchorStale } from './highlights.js';
import { documentTextAndHash, insertHighlight, selectHighlight } from './store.js';
import { HIGHLIGHT_COLORS, isHighlightColor, type HighlightColor, type HighlightRecord } from './types.js';

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) export and import.
// A highlight is an Annotation whose target is the document (urn:parallax:doc:<id>) narrowed
// by a TextQuoteSelector and a TextPositionSelector; its note is a TextualBody; its colour is a
// CSS class (styleClass) defined in the annotation's stylesheet. A document note is an
// Annotation on the whole document.

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOC_URN_PREFIX = 'urn:parallax:doc:';
const DOC_NOTE_URN_PREFIX = 'urn:parallax:doc-note:';
const STYLE_PREFIX = 'parallax-';
const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/;
const MAX_ANNOTATIONS = 100_000;

const SWATCH: Record<HighlightColor, string> = { yellow: '#fde68a', green: '#bbf7d0', blue: '#bfdbfe', pink: '#fbcfe8', purple: '#ddd6fe' };
const STYLESHEET = HIGHLIGHT_COLORS.map((c) => `.${STYLE_PREFIX}${c} { background-color: ${SWATCH[c]}; }`).join(' ');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function highlightToAnnotation(h: HighlightRecord): JsonObject {
  const selectors: Json[] = [{ type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix }];
  // An orphan's old position points into a text that no longer exists: leave it out.
  if (!h.orphan) selectors.push({ type: 'TextPositionSelector', start: h.start, end: h.end });
  const a: JsonObject = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${h.id}`,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: h.createdAt,
    modified: h.updatedAt,
  };
  if (h.note) a.body = { type: 'TextualBody', value: h.note, format: 'text/markdown', purpose: 'commenting' };
  a.target = { source: `${DOC_URN_PREFIX}${h.docId}`, styleClass: `${STYLE_PREFIX}${h.color}`, selector: selectors };
  a.stylesheet = { type: 'CssStylesheet', value: STYLESHEET };
  return a;
}

function docNoteToAnnotation(n: { docId: string; body: string; updatedAt: string | null }): JsonObject {
  const stamp = n.updatedAt ?? new Date().toISOString();
  return {
    '@context': ANNO_CONTEXT,
    id: `${DOC_NOTE_URN_PREFIX}${n.docId}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: stamp,
    modified: stamp,
    body: { type: 'TextualBody', value: n.body, format: 'text/markdown', purpose: 'commenting' },
    target: `${DOC_URN_PREFIX}${n.docId}`,
  };
}

/** Every highlight and document note (or one document's) as annotations. */
export function exportAnnotations(db: Db, options: ExportOptions = {}): JsonObject[] {
  const { highlights, notes } = exportSelection(db, options);
  return [...notes.map(docNoteToAnnotation), ...highlights.map(highlightToAnnotation)];
}

/** An AnnotationCollection with every annotation in one embedded page. */
export function exportW3c(db: Db, options: ExportOptions = {}): { content: string; count: number } {
  const items = exportAnnotations(db, options);
  const collection: JsonObject = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: 'Parallax highlights and notes',
    total: items.length,
  };
  if (items.length) collection.first = { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage', startIndex: 0, items };
  return { content: JSON.stringify(collection, null, 2) + '\n', count: items.length };
}

// ---------------------------------------------------------------------------------------------
// Import

interface ParsedHighlight {
  kind: 'highlight';
  id: string | null;
  docId: string;
  quote: QuoteSelector | null;
  position: { start: number; end: number } | null;
  color: HighlightColor;
  note: string | null;
  created: string | null;
  modified: string | null;
}
interface ParsedDocNote {
  kind: 'docNote';
  docId: string;
  body: string;
}
interface Skipped {
  kind: 'skip';
  reason: string;
}
type Parsed = ParsedHighlight | ParsedDocNote | Skipped;

const malformed = (what: string): ParallaxError =>
  new ParallaxError(
    'INVALID_INPUT',
    `This file cannot be imported: ${what}. Parallax imports W3C Web Annotation JSON (one Annotation, a list of them, or an AnnotationCollection), such as its own export. Nothing was changed.`,
  );

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasType = (v: JsonObject, type: string): boolean => asArray(v.type).includes(type);
const normalise = (s: string): string => s.normalize('NFC').replace(/\r\n?/g, '\n');

function isoOrNull(v: Json | undefined): string | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function docIdOf(uri: Json | undefined): string | null {
  if (typeof uri !== 'string' || !uri.startsWith(DOC_URN_PREFIX)) return null;
  const id = uri.slice(DOC_URN_PREFIX.length);
  return DOC_ID.test(id) ? id : null;
}

/** Top level: one Annotation, an array of Annotations, an AnnotationCollection or AnnotationPage. */
function collectItems(root: Json): Json[] {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) throw malformed('it is not a JSON object or list');
  if (hasType(root, 'Annotation')) return [root];
  if (hasType(root, 'AnnotationPage')) return pageItems(root, 'the page');
  if (hasType(root, 'AnnotationCollection')) {
    const items: Json[] = [];
    let page: Json | undefined = root.first;
    const seen = new Set<Json>();
    while (page !== undefined && page !== null) {
      if (typeof page === 'string') throw malformed('its collection refers to pages by address instead of including them');
      if (!isObject(page) || seen.has(page)) throw malformed('its collection has a page that is not an AnnotationPage');
      seen.add(page);
      items.push(...pageItems(page, `page ${seen.size}`));
      page = page.next;
    }
    if (root.first === undefined && Array.isArray(root.items)) items.push(...root.items);
    return items;
  }
  throw malformed(`its type is ${JSON.stringify(root.type ?? null)}, not Annotation or AnnotationCollection`);
}

function pageItems(page: JsonObject, where: string): Json[] {
  if (!Array.isArray(page.items)) throw malformed(`${where} has no list of items`);
  return page.items;
}

function parseSelectors(value: Json | undefined, where: string): { quote: QuoteSelector | null; position: { start: number; end: number } | null } {
  let quote: QuoteSelector | null = null;
  let position: { start: number; end: number } | null = null;
  for (const s of asArray(value)) {
    if (!isObject(s)) continue; // a selector given by URI: nothing we can place
    if (hasType(s, 'TextQuoteSelector')) {
      if (typeof s.exact !== 'string') throw malformed(`${where} has a TextQuoteSelector without an exact string`);
      for (const k of ['prefix', 'suffix'] as const) {
        if (s[k] !== undefined && typeof s[k] !== 'string') throw malformed(`${where} has a TextQuoteSelector whose ${k} is not a string`);
      }
      quote ??= { exact: normalise(s.exact), prefix: normalise(typeof s.prefix === 'string' ? s.prefix : ''), suffix: normalise(typeof s.suffix === 'string' ? s.suffix : '') };
    } else if (hasType(s, 'TextPositionSelector')) {
      const ok = (n: Json | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
      if (!ok(s.start) || !ok(s.end) || s.end < s.start) throw malformed(`${where} has a TextPositionSelector without a valid start and end`);
      position ??= { start: s.start, end: s.end };
    }
  }
  return { quote, position };
}

function parseBodies(a: JsonObject, where: string): { note: string | null; color: HighlightColor | null } {
  const parts: string[] = [];
  let color: HighlightColor | null = null;
  if (a.bodyValue !== undefined) {
    if (typeof a.bodyValue !== 'string') throw malformed(`${where} has a bodyValue that is not a string`);
    parts.push(a.bodyValue);
  }
  for (const b of asArray(a.body)) {
    if (!isObject(b)) continue; // an external body (a URI): not a note
    const items = hasType(b, 'Choice') || hasType(b, 'Composite') || hasType(b, 'List') ? asArray(b.items) : [b];
    for (const item of items) {
      if (!isObject(item) || item.value === undefined) continue;
      if (typeof item.value !== 'string') throw malformed(`${where} has a textual body whose value is not a string`);
      if (asArray(item.purpose).includes('tagging') && isHighlightColor(item.value)) color = item.value;
      else parts.push(item.value);
    }
  }
  const note = parts.map(normalise).join('\n\n').trim();
  return { note: note === '' ? null : note, color };
}

function parseAnnotation(a: Json, index: number): Parsed {
  const where = `annotation ${index + 1}`;
  if (!isObject(a)) throw malformed(`${where} is not an object`);
  if (!hasType(a, 'Annotation')) throw malformed(`${where} is not of type Annotation`);
  if (a.target === undefined || a.target === null) throw malformed(`${where} has no target`);
  if (a.id !== undefined && typeof a.id !== 'string') throw malformed(`${where} has an id that is not a string`);
  const { note, color: tagged } = parseBodies(a, where);
  const targets = asArray(a.target);
  for (const t of targets) {
    if (typeof t === 'string') {
      const docId = docIdOf(t);
      if (docId) return note ? { kind: 'docNote', docId, body: note } : { kind: 'skip', reason: 'it marks a whole document without a note' };
      continue;
    }
    if (!isObject(t)) throw malformed(`${where} has a target that is neither an address nor an object`);
    const docId = docIdOf(t.source) ?? docIdOf(t.id);
    if (!docId) continue;
    const { quote, position } = parseSelectors(t.selector, where);
    if (t.selector === undefined) {
      return note ? { kind: 'docNote', docId, body: note } : { kind: 'skip', reason: 'it marks a whole document without a note' };
    }
    if (!quote || quote.exact.trim() === '') {
      return { kind: 'skip', reason: 'it has no TextQuoteSelector, so its words cannot be checked' };
    }
    const styled = asArray(t.styleClass)
      .map((c) => (typeof c === 'string' && c.startsWith(STYLE_PREFIX) ? c.slice(STYLE_PREFIX.length) : ''))
      .find(isHighlightColor);
    const uuid = typeof a.id === 'string' ? UUID_URN.exec(a.id)?.[1]?.toLowerCase() ?? null : null;
    return {
      kind: 'highlight',
      id: uuid,
      docId,
      quote,
      position,
      color: tagged ?? styled ?? 'yellow',
      note,
      created: isoOrNull(a.created),
      modified: isoOrNull(a.modified),
    };
  }
  return { kind: 'skip', reason: 'its target is not a Parallax document' };
}

export interface ImportSummary {
  /** Highlights and document notes added (orphans included). */
  imported: number;
  /** Of the imported highlights, those whose words could not be placed in the current text. */
  orphans: number;
  /** Annotations left out: already present, for a document not in this library, or not placeable. */
  skipped: number;
  /** One sentence per reason something was skipped, with counts. */
  messages: string[];
}

/** Parse the whole file first; nothing is written unless every annotation in it is well formed. */
export function parseAnnotationFile(content: string): Parsed[] {
  let root: Json;
  try {
    root = JSON.parse(content.replace(/^\uFEFF/, '')) as Json;
  } catch (e) {
    throw malformed(`it is not valid JSON (${errorMessage(e)})`);
  }
  const items = collectItems(root);
  if (items.length > MAX_ANNOTATIONS) throw malformed(`it holds ${items.length} annotations; the limit is ${MAX_ANNOTATIONS}`);
  return items.map(parseAnnotation);
}

/**
 * Import annotations, anchoring each by its selectors in the current text of its document.
 * All or nothing: a malformed file changes nothing. Re-importing the same annotations adds
 * nothing (same id, or same words in the same place).
 */
export function importAnnotations(db: Db, content: string, now = new Date()): ImportSummary {
  const parsed = parseAnnotationFile(content);
  const reasons = new Map<string, number>();
  const skip = (reason: string): void => void reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const summary: ImportSummary = { imported: 0, orphans: 0, skipped: 0, messages: [] };
  reanchorStale(db);
  inTransaction(db, () => {
    const stamp = now.toISOString();
    for (const p of parsed) {
      if (p.kind === 'skip') {
        skip(p.reason);
        continue;
      }
      const doc = documentTextAndHash(db, p.docId);
      if (!doc) {
        skip('their document is not in this library');
        continue;
      }
      if (p.kind === 'docNote') {
        const existing = db.prepare<[string], { body: string }>('SELECT body FROM doc_notes WHERE doc_id = ?').get(p.docId)?.body ?? '';
        if (existing.includes(p.body)) {
          skip('already in the library');
          continue;
        }
        const body = existing ? `${existing}\n\n${p.body}` : p.body;
        db.prepare(
          'INSERT INTO doc_notes (doc_id, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at',
        ).run(p.docId, body, stamp);
        summary.imported++;
        continue;
      }
      if (p.id && selectHighlight(db, p.id)) {
        skip('already in the library');
        continue;
      }
      const quote = p.quote as QuoteSelector;
      if (![quote.exact, quote.prefix ?? '', quote.suffix ?? ''].every(isWellFormedText)) {
        throw new ParallaxError('INVALID_INPUT', `An annotation on document ${p.docId} quotes half of a character (such as an emoji); it starts or ends inside a character. Nothing was imported.`);
      }
      const placed = anchor(doc.text, { ...quote, start: p.position?.start, end: p.position?.end });
      // A quote or position that cuts a character (half an emoji) is refused like a bad selection.
      if (placed && !(isCharacterBoundary(doc.text, placed.start) && isCharacterBoundary(doc.text, placed.end))) {
        throw new ParallaxError('INVALID_INPUT', `An annotation on document ${p.docId} starts or ends inside a character (such as an emoji); nothing was imported.`);
      }
      const q = placed ? quoteAt(doc.text, placed.start, placed.end) : quote;
      const twin = placed
        ? db.prepare('SELECT 1 FROM highlights WHERE doc_id = ? AND start = ? AND end = ? AND orphan = 0').get(p.docId, placed.start, placed.end)
        : db.prepare('SELECT 1 FROM highlights WHERE doc_id = ? AND orphan = 1 AND exact = ?').get(p.docId, quote.exact);
      if (twin) {
        skip('already in the library');
        continue;
      }
      insertHighlight(db, {
        id: p.id ?? newId(),
        doc_id: p.docId,
        start: placed?.start ?? p.position?.start ?? 0,
        end: placed?.end ?? p.position?.end ?? p.position?.start ?? 0,
        exact: q.exact,
        prefix: q.prefix,
        suffix: q.suffix,
        color: p.color,
        note: p.note,
        orphan: placed ? 0 : 1,
        anchored_hash: doc.hash,
        group_id: null,
        created_at: p.created ?? stamp,
        updated_at: p.modified ?? p.created ?? stamp,
      });
      summary.imported++;
      if (!placed) summary.orphans++;
    }
  });
  for (const [reason, n] of reasons) {
    summary.skipped += n;
    summary.messages.push(`${n} annotation${n === 1 ? ' was' : 's were'} skipped (${reason}).`);
  }
  if (summary.orphans) {
    summary.messages.push(`${summary.orphans} highlight${summary.orphans === 1 ? '' : 's'} could not be placed in the current text and ${summary.orphans === 1 ? 'is' : 'are'} listed as “could not be placed”.`);
  }
  return summary;
}
