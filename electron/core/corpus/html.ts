import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { findDates } from './dates.js';

// A web page saved by the reader, reduced to the article a person would read: Readability
// picks the article (dropping navigation, scripts and furniture); the walk below writes it
// as the plain text the library stores: one block per line, blocks separated by a blank
// line, list items as "• item" lines kept together, headings as lines of their own.

/** The part of a DOM node this module reads (linkedom's nodes, without DOM typings). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

interface DomDocument extends DomNode {
  title: string;
  body: DomNode | null;
  documentElement: DomNode | null;
  querySelector(selector: string): DomNode | null;
  cloneNode(deep: boolean): DomDocument;
}

export interface HtmlArticle {
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'button',
  'select', 'input', 'textarea', 'nav', 'img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'math',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'figure', 'figcaption',
  'address', 'details', 'summary', 'center', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'caption',
  'form', 'fieldset', 'legend', 'hr', 'body', 'html', 'ul', 'ol', 'menu',
]);
const HEADING = /^h[1-6]$/;

interface Entry {
  text: string;
  /** Joined to the previous entry by a single newline (list items, table rows, <br> lines). */
  tight: boolean;
}

class TextWriter {
  readonly entries: Entry[] = [];
  private buffer = '';
  private marker = '';
  private tightNext = false;

  append(s: string): void {
    this.buffer += s;
  }

  /** Open a list item: its marker, and whether it sits directly under the previous line. */
  startItem(marker: string, tight: boolean): void {
    this.flush();
    this.marker = marker;
    this.buffer = marker;
    this.tightNext = tight;
  }

  /** End the current block; `tight` joins it to the previous one with a single newline. */
  flush(tight = false): void {
    const text = this.buffer.replace(/\s+/g, ' ').trim();
    // A list item whose words are still to come (<li><p>...</p></li>) keeps its marker.
    if (this.marker.length > 0 && text === this.marker.trim()) return;
    if (text.length > 0) {
      this.entries.push({ text, tight: tight || this.tightNext });
      this.tightNext = false;
    }
    this.buffer = '';
    this.marker = '';
  }

  endItem(): void {
    this.flush();
    this.buffer = '';
    this.marker = '';
  }

  /** A <br>: what follows is a new line directly under this one. */
  softBreak(): void {
    this.flush();
    this.tightNext = true;
  }

  /** Start a block that does not sit under the previous line. */
  breakBlock(): void {
    this.endItem();
    this.tightNext = false;
  }

  pushLine(text: string, tight: boolean): void {
    this.flush();
    if (text.trim().length > 0) this.entries.push({ text: text.replace(/[ \t]+$/, ''), tight });
  }

  toString(): string {
    let out = '';
    for (const e of this.entries) out += (out.length === 0 ? '' : e.tight ? '\n' : '\n\n') + e.text;
    return out;
  }
}

interface ListState {
  ordered: boolean;
  n: number;
  first: boolean;
  nested: boolean;
}

function walk(node: DomNode, w: TextWriter, list: ListState | null, inItem: boolean): void {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.nodeType === 3) {
      w.append(child.textContent ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = child.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      w.softBreak();
    } else if (HEADING.test(tag)) {
      w.breakBlock();
      walk(child, w, null, false);
      w.breakBlock();
    } else if (tag === 'li') {
      const state = list ?? { ordered: false, n: 1, first: true, nested: inItem };
      w.startItem(state.ordered ? `${state.n++}. ` : '• ', !state.first || state.nested);
      state.first = false;
      walk(child, w, null, true);
      w.endItem();
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      if (inItem) w.flush();
      else w.breakBlock();
      const start = Number(child.getAttribute?.('start') ?? '1');
      walk(child, w, { ordered: tag === 'ol', n: Number.isFinite(start) ? start : 1, first: true, nested: inItem }, inItem);
      if (!inItem) w.breakBlock();
    } else if (tag === 'pre') {
      w.breakBlock();
      const lines = (child.textContent ?? '').split('\n');
      lines.forEach((l, k) => w.pushLine(l, k > 0));
    } else if (tag === 'tr') {
      const cells: string[] = [];
      for (let k = 0; k < child.childNodes.length; k++) {
        const c = child.childNodes[k]!;
        if (c.nodeType === 1) cells.push((c.textContent ?? '').replace(/\s+/g, ' ').trim());
      }
      w.pushLine(cells.filter((c) => c.length > 0).join(' | '), true);
    } else if (BLOCK.has(tag)) {
      if (inItem) w.flush();
      else w.breakBlock();
      walk(child, w, tag === 'dl' ? null : list, inItem);
      if (inItem) w.flush();
      else w.breakBlock();
    } else {
      walk(child, w, list, inItem);
    }
  }
}

/** A complete document around whatever the file holds (linkedom needs <html><head><body>). */
function wholeDocument(html: string): string {
  const lang = /<html\b[^>]*\blang\s*=\s*["']?([\w-]+)/i.exec(html)?.[1];
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  let body = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1];
  if (body === undefined) {
    body = html
      .replace(/<!doctype[^>]*>/i, '')
      .replace(/<head\b[^>]*>[\s\S]*?<\/head>/i, '')
      .replace(/<\/?html\b[^>]*>/gi, '');
  }
  return `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;
}

function meta(doc: DomDocument, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = (el?.getAttribute?.('content') ?? el?.getAttribute?.('datetime') ?? '').trim();
    if (v) return v;
  }
  return null;
}

function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (iso) return findDates(iso[0])[0]?.iso ?? null;
  return findDates(s)[0]?.iso ?? null;
}

function cleanAuthor(s: string | null | undefined): string | null {
  if (!s) return null;
  const a = s.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  if (a.length === 0 || a.length > 100 || /^https?:/i.test(a)) return null;
  return a;
}

function textOf(node: DomNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = parseHTML(wholeDocument(html)) as unknown as { document: DomDocument };
  const h1 = textOf(document.querySelector('h1'));
  const pageTitle = textOf(document.querySelector('title')) || (document.title ?? '').trim();
  const lang = document.documentElement?.getAttribute?.('lang') ?? null;

  // Readability rewrites the tree it reads: give it a copy and keep the original for the fallback.
  const article = new Readability(document.cloneNode(true) as never, { serializer: (n: unknown) => n as DomNode }).parse();
  const writer = new TextWriter();
  const content = article?.content ?? null;
  if (content) walk(content, writer, null, false);
  if (writer.entries.length === 0 && document.body) walk(document.body, writer, null, false);

  // "<title>Headline - Site name</title>" with <h1>Headline</h1>: the headline is the title.
  let title = (article?.title ?? '').trim() || pageTitle || h1;
  if (h1 && title !== h1 && title.includes(h1)) title = h1;
  let text = writer.toString();
  if (title && !text.startsWith(title)) text = `${title}\n\n${text}`;

  const author =
    cleanAuthor(article?.byline) ??
    cleanAuthor(meta(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="dc.creator"]']));
  const published =
    isoDate(article?.publishedTime) ??
    isoDate(meta(document, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="dc.date"]', 'meta[itemprop="datePublished"]', 'time[datetime]']));
  const language = (article?.lang ?? lang ?? '').trim().toLowerCase().split(/[-_]/)[0] || null;
  return { text, title: title || null, author, published, language: language && /^[a-z]{2,3}$/.test(language) ? language : null };
}
