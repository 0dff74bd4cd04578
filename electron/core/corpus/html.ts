import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { MarkKind, PassageKind } from '../types.js';
import { guessLanguage } from '../text/language.js';
import { BlockBuilder, blocksText, type DecodedBlock } from './blocks.js';
import { findDates } from './dates.js';

// A web page saved by the reader, reduced to the article a person would read: page furniture
// (captions, rails, share bars, newsletter boxes) is removed by class, Readability picks the
// article, and the walk below writes it as blocks (see blocks.ts): headings with their level,
// paragraphs, list items ("• item", "1. item"), block quotes, bold and italic as marks.

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
  blocks: DecodedBlock[];
  title: string | null;
  author: string | null;
  published: string | null;
  language: string;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head', 'button',
  'select', 'input', 'textarea', 'nav', 'img', 'picture', 'video', 'audio', 'source', 'track', 'map',
  // Captions and credits of pictures are not the article's text.
  'figcaption',
]);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure',
  'address', 'details', 'summary', 'center', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'caption',
  'form', 'fieldset', 'legend', 'hr', 'body', 'html',
]);
const HEADING = /^h([1-6])$/;
const MARKS: Record<string, MarkKind> = { b: 'strong', strong: 'strong', i: 'em', em: 'em', cite: 'em', dfn: 'em' };

interface ListState {
  ordered: boolean;
  n: number;
}

/** Writes a DOM subtree as blocks: one per paragraph, heading, list item or quoted paragraph. */
class BlockWriter {
  readonly blocks: DecodedBlock[] = [];
  private b = new BlockBuilder();
  private kind: PassageKind = 'paragraph';
  private level: number | undefined;
  private marker = 0;
  quoteDepth = 0;

  flush(): void {
    const { text, marks } = this.b.take();
    if (text.length > this.marker) {
      const kind = this.kind === 'paragraph' && this.quoteDepth > 0 ? 'quote' : this.kind;
      this.blocks.push({ kind, text, marks, ...(this.level ? { level: this.level } : {}), ...(this.marker ? { markerLength: this.marker } : {}) });
    }
    this.kind = 'paragraph';
    this.level = undefined;
    this.marker = 0;
  }

  start(kind: PassageKind, level?: number, marker = ''): void {
    this.flush();
    this.kind = kind;
    this.level = level;
    if (marker) {
      this.b.append(marker);
      this.marker = marker.length;
    }
  }

  get builder(): BlockBuilder {
    return this.b;
  }
}

function walk(node: DomNode, w: BlockWriter, list: ListState | null): void {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.nodeType === 3) {
      w.builder.append(child.textContent ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = child.nodeName.toLowerCase();
    if (SKIP.has(tag)) continue;
    const heading = HEADING.exec(tag);
    const mark = MARKS[tag];
    if (tag === 'math') {
      // MathML: its spoken form when the page gives one, else the symbols in order.
      const alt = child.getAttribute?.('alttext');
      w.builder.append(` ${alt && alt.trim() ? alt : (child.textContent ?? '')} `);
    } else if (tag === 'br') {
      w.builder.space();
    } else if (mark) {
      w.builder.openMark(mark);
      walk(child, w, list);
      w.builder.closeMark(mark);
    } else if (heading) {
      w.start('heading', Number(heading[1]));
      walk(child, w, null);
      w.flush();
    } else if (tag === 'li') {
      const state = list ?? { ordered: false, n: 1 };
      w.start('list-item', undefined, state.ordered ? `${state.n++}. ` : '• ');
      walk(child, w, null);
      w.flush();
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      w.flush();
      const start = Number(child.getAttribute?.('start') ?? '1');
      const at = w.blocks.length;
      walk(child, w, { ordered: tag === 'ol', n: Number.isFinite(start) ? start : 1 });
      w.flush();
      const first = w.blocks.slice(at).find((b) => b.kind === 'list-item');
      if (first) first.listStart = true;
    } else if (tag === 'blockquote') {
      w.flush();
      w.quoteDepth++;
      walk(child, w, null);
      w.flush();
      w.quoteDepth--;
    } else if (tag === 'pre') {
      w.flush();
      for (const line of (child.textContent ?? '').split('\n')) {
        w.builder.append(line);
        w.flush();
      }
    } else if (tag === 'tr') {
      w.flush();
      for (let k = 0; k < child.childNodes.length; k++) {
        const c = child.childNodes[k]!;
        if (c.nodeType !== 1) continue;
        w.builder.append(`${w.builder.empty ? '' : ' | '}${(c.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
      }
      w.flush();
    } else if (BLOCK.has(tag)) {
      w.flush();
      walk(child, w, tag === 'dl' ? null : list);
      w.flush();
    } else {
      walk(child, w, list);
    }
  }
}

// Page parts around an article that Readability sometimes keeps: captions and picture credits,
// newsletter boxes, related-story rails and teasers, share bars, bylines and author bios
// (the byline is read as the author instead). Matched on class and id words.
const FURNITURE = /(?:^|[\s_-])(?:caption|credits?|copyright|newsletter|related|promo|teasers?|rail|byline|share|sharing|social|subscribe|signup|advert|ad-container|sponsored|recommend(?:ed|ations)?|outbrain|taboola|comments?|author-bio|breadcrumbs?|playback|media-player|inline-video|read-more|more-stories|most-read|trending|paywall|disclaimer)(?:$|[\s_-])/i;
const MAX_FURNITURE_CHARS = 1500;

interface Element extends DomNode {
  parentNode: Element | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

function removeFurniture(doc: DomDocument): void {
  const all = (doc as unknown as Element).querySelectorAll('[class], [id]');
  const doomed: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    const tag = el.nodeName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') continue;
    const words = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`;
    if (!FURNITURE.test(words)) continue;
    // A container that holds the story itself is never furniture, whatever it is called.
    if ((el.textContent ?? '').length > MAX_FURNITURE_CHARS) continue;
    doomed.push(el);
  }
  for (const el of doomed) el.remove();
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

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the shorter string's words found in the other (how far one title is the other). */
function overlap(a: string, b: string): number {
  return agreement(a, b).score;
}

function agreement(a: string, b: string): { score: number; hits: number } {
  const wa = words(a);
  const wb = new Set(words(b));
  if (wa.length === 0 || wb.size === 0) return { score: 0, hits: 0 };
  const hits = wa.filter((w) => wb.has(w)).length;
  return { score: hits / Math.min(wa.length, wb.size), hits };
}

/** "Headline - Site" / "Site: Headline" / "Headline | Section | Site": the longest part. */
function withoutSiteName(title: string): string {
  const parts = title.split(/\s+[|–—·•:-]\s+|\s+::\s+|\s+-\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title.trim();
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

const MAX_HEADLINE = 300;

/**
 * The article's headline, not the site's name: the page's <h1> that agrees with its declared
 * title (og:title, <title>), since a page may carry several <h1>s (a logo, a sign-in box);
 * else the declared title without its site name.
 */
function headlineOf(doc: DomDocument, readabilityTitle: string): string {
  const declared = meta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? '';
  const pageTitle = textOf(doc.querySelector('title')) || (doc.title ?? '').trim();
  const refs = [declared, pageTitle, readabilityTitle].filter((r) => r.length > 0);
  const h1s = Array.from((doc as unknown as Element).querySelectorAll('h1'), (h) => textOf(h)).filter((h) => h.length > 1 && h.length <= MAX_HEADLINE);
  let best = '';
  let bestScore = 0;
  let bestHits = 0;
  for (const h of h1s) {
    for (const r of refs) {
      // The site's name inside "Site | Headline" agrees fully too: more words agreeing wins the tie.
      const { score, hits } = agreement(h, r);
      if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && hits > bestHits)) {
        best = h;
        bestScore = score;
        bestHits = hits;
      }
    }
  }
  if (best && (bestScore >= 0.3 || refs.length === 0)) return best;
  const fallback = declared || pageTitle || readabilityTitle;
  return fallback ? withoutSiteName(fallback) : (h1s[0] ?? '');
}

/**
 * The language the text is written in. A page's lang attribute is often the site's default
 * (a German post on a site tagged "en"): when the words say otherwise, the words win.
 */
function languageOf(declared: string | null, text: string): string {
  const fromText = guessLanguage(text);
  const tag = (declared ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const valid = /^[a-z]{2,3}$/.test(tag) ? tag : null;
  // guessLanguage says 'en' when it is unsure: then the declared tag is the better evidence.
  if (!valid) return fromText;
  return fromText !== 'en' && fromText !== valid ? fromText : fromText === 'en' && valid !== 'en' ? valid : fromText;
}

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = parseHTML(wholeDocument(html)) as unknown as { document: DomDocument };
  const lang = document.documentElement?.getAttribute?.('lang') ?? null;

  // Readability rewrites the tree it reads: give it a cleaned copy and keep the original for
  // the headline, the metadata and the fallback.
  const copy = document.cloneNode(true);
  removeFurniture(copy);
  const article = new Readability(copy as never, { serializer: (n: unknown) => n as DomNode }).parse();
  const writer = new BlockWriter();
  const content = article?.content ?? null;
  if (content) walk(content, writer, null);
  writer.flush();
  if (writer.blocks.length === 0 && document.body) {
    walk(document.body, writer, null);
    writer.flush();
  }

  const title = headlineOf(document, (article?.title ?? '').trim());
  const blocks = writer.blocks;
  // The headline opens the text as its level-1 heading (Readability leaves it out of the content).
  const first = blocks.find((b) => b.text.trim().length > 0);
  if (title && !(first && first.kind === 'heading' && overlap(first.text, title) >= 0.8)) {
    if (first && first.text === title) first.kind = 'heading';
    else blocks.unshift({ kind: 'heading', text: title, level: 1 });
  }
  const headline = blocks.find((b) => b.kind === 'heading');
  if (headline) headline.level = 1;
  const text = blocksText(blocks);

  const author =
    cleanAuthor(article?.byline) ??
    cleanAuthor(textOf(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], [class~="byline"], [class*="byline"], [class~="author"]'))) ??
    cleanAuthor(meta(document, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="dc.creator"]']));
  const published =
    isoDate(article?.publishedTime) ??
    isoDate(meta(document, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="dc.date"]', 'meta[itemprop="datePublished"]', 'time[datetime]']));
  return { text, blocks, title: title || null, author, published, language: languageOf(article?.lang ?? lang, text) };
}

/**
 * Blocks of an HTML document that is all content (an EPUB chapter, mammoth's DOCX output):
 * no Readability, every block of the body kept, furniture lines left to the segmenter.
 */
export function htmlContentToBlocks(html: string): { blocks: DecodedBlock[]; title: string | null; language: string | null } {
  const { document } = parseHTML(wholeDocument(html)) as unknown as { document: DomDocument };
  const writer = new BlockWriter();
  if (document.body) walk(document.body, writer, null);
  writer.flush();
  const lang = (document.documentElement?.getAttribute?.('lang') ?? document.documentElement?.getAttribute?.('xml:lang') ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return { blocks: writer.blocks, title: textOf(document.querySelector('title')) || null, language: /^[a-z]{2,3}$/.test(lang) ? lang : null };
}
