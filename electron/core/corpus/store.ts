import type { Db } from '../db/open.js';
import type { DocumentMeta, InlineMark, MarkKind, Passage, PassageKind, Sentence, StoredDocument } from '../types.js';

// Query functions over documents, passages and sentences. Each takes the db first.

// Columns named as the contract names them, so a row is a DocumentMeta with no mapping.
const META_COLUMNS =
  'id, title, outlet, published, language, author, file, origin, content_hash AS contentHash, words, added_at AS addedAt, updated_at AS updatedAt';

export function listDocuments(db: Db): DocumentMeta[] {
  return db.prepare<[], DocumentMeta>(`SELECT ${META_COLUMNS} FROM documents ORDER BY published IS NULL, published, title`).all();
}

export function getDocumentMeta(db: Db, id: string): DocumentMeta | undefined {
  return db.prepare<[string], DocumentMeta>(`SELECT ${META_COLUMNS} FROM documents WHERE id = ?`).get(id);
}

export function getDocument(db: Db, id: string): StoredDocument | undefined {
  return db.prepare<[string], StoredDocument>(`SELECT ${META_COLUMNS}, text FROM documents WHERE id = ?`).get(id);
}

export function getDocumentText(db: Db, id: string): string | undefined {
  const row = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  return row?.text;
}

export function findByContentHash(db: Db, hash: string): DocumentMeta | undefined {
  return db.prepare<[string], DocumentMeta>(`SELECT ${META_COLUMNS} FROM documents WHERE content_hash = ?`).get(hash);
}

export function findByFile(db: Db, file: string): DocumentMeta | undefined {
  return db.prepare<[string], DocumentMeta>(`SELECT ${META_COLUMNS} FROM documents WHERE file = ? ORDER BY added_at LIMIT 1`).get(file);
}

/** A document's passages with their structure (heading level, page, emphasis) where the source had it. */
export function getPassages(db: Db, docId: string): Passage[] {
  const marks = new Map<number, InlineMark[]>();
  for (const m of db.prepare('SELECT passage_idx, start, end, kind FROM passage_marks WHERE doc_id = ? ORDER BY passage_idx, start').all(docId) as Array<{
    passage_idx: number;
    start: number;
    end: number;
    kind: MarkKind;
  }>) {
    const list = marks.get(m.passage_idx) ?? [];
    list.push({ start: m.start, end: m.end, kind: m.kind });
    marks.set(m.passage_idx, list);
  }
  return (
    db.prepare('SELECT idx, start, end, kind, level, page FROM passages WHERE doc_id = ? ORDER BY idx').all(docId) as Array<{
      idx: number;
      start: number;
      end: number;
      kind: PassageKind;
      level: number | null;
      page: string | null;
    }>
  ).map((r) => {
    const p: Passage = { index: r.idx, start: r.start, end: r.end, kind: r.kind };
    if (r.level !== null) p.level = r.level;
    if (r.page !== null) p.page = r.page;
    const m = marks.get(r.idx);
    if (m) p.marks = m;
    return p;
  });
}

export function getSentences(db: Db, docId: string): Sentence[] {
  return (
    db.prepare('SELECT idx, passage_idx, start, end FROM sentences WHERE doc_id = ? ORDER BY idx').all(docId) as Array<{
      idx: number;
      passage_idx: number;
      start: number;
      end: number;
    }>
  ).map((r) => ({ index: r.idx, passageIndex: r.passage_idx, start: r.start, end: r.end }));
}

export function documentCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

/** Write a document with its segmentation, replacing any earlier version with the same id. */
export function putDocument(db: Db, doc: StoredDocument, passages: Passage[], sentences: Sentence[]): void {
  const existing = db.prepare('SELECT added_at FROM documents WHERE id = ?').get(doc.id) as { added_at: string } | undefined;
  if (existing) {
    db.prepare(
      `UPDATE documents SET title = ?, outlet = ?, published = ?, language = ?, author = ?, file = ?, origin = ?,
         text = ?, content_hash = ?, words = ?, updated_at = ? WHERE id = ?`,
    ).run(doc.title, doc.outlet, doc.published, doc.language, doc.author, doc.file, doc.origin, doc.text, doc.contentHash, doc.words, doc.updatedAt, doc.id);
    db.prepare('DELETE FROM passages WHERE doc_id = ?').run(doc.id);
    db.prepare('DELETE FROM passage_marks WHERE doc_id = ?').run(doc.id);
    db.prepare('DELETE FROM sentences WHERE doc_id = ?').run(doc.id);
  } else {
    db.prepare(
      `INSERT INTO documents (id, title, outlet, published, language, author, file, origin, text, content_hash, words, added_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(doc.id, doc.title, doc.outlet, doc.published, doc.language, doc.author, doc.file, doc.origin, doc.text, doc.contentHash, doc.words, doc.addedAt, doc.updatedAt);
  }
  const insP = db.prepare('INSERT INTO passages (doc_id, idx, start, end, kind, level, page) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insM = db.prepare('INSERT INTO passage_marks (doc_id, passage_idx, start, end, kind) VALUES (?, ?, ?, ?, ?)');
  for (const p of passages) {
    insP.run(doc.id, p.index, p.start, p.end, p.kind, p.level ?? null, p.page ?? null);
    for (const m of p.marks ?? []) insM.run(doc.id, p.index, m.start, m.end, m.kind);
  }
  const insS = db.prepare('INSERT INTO sentences (doc_id, idx, passage_idx, start, end) VALUES (?, ?, ?, ?, ?)');
  for (const s of sentences) insS.run(doc.id, s.index, s.passageIndex, s.start, s.end);
}

export function deleteDocumentRow(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes > 0;
}
