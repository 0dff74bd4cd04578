import { Lexer, type Token, type Tokens } from 'marked';
import type { MarkKind, PassageKind } from '../types.js';
import { BlockBuilder, blocksText, type DecodedBlock } from './blocks.js';

// A Markdown file as blocks (see blocks.ts): headings with their level and without '#',
// bold and italic as marks (the syntax gone, the words stay), list items as "• item" /
// "1. item", block quotes as 'quote' passages. marked's lexer does the parsing.

export interface MarkdownArticle {
  text: string;
  blocks: DecodedBlock[];
  title: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', middot: '·', bull: '•', times: '×', shy: '\u00ad',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Raw HTML inside Markdown: its words stay, its scripts, styles and comments do not.
const stripTags = (s: string): string =>
  s
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[^>]*>/g, '');

interface Out {
  blocks: DecodedBlock[];
  b: BlockBuilder;
  kind: PassageKind;
  level?: number;
  marker: number;
}

function flush(o: Out): void {
  const { text, marks } = o.b.take();
  if (text.length > o.marker) {
    o.blocks.push({ kind: o.kind, text, marks, ...(o.level ? { level: o.level } : {}), ...(o.marker ? { markerLength: o.marker } : {}) });
  }
  o.marker = 0;
}

function begin(o: Out, kind: PassageKind, level?: number, marker = ''): void {
  flush(o);
  o.kind = kind;
  o.level = level;
  if (marker) {
    o.b.append(marker);
    o.marker = marker.length;
  }
}

const MARK: Partial<Record<string, MarkKind>> = { strong: 'strong', em: 'em' };

function inline(tokens: Token[] | undefined, o: Out): void {
  if (!tokens) return;
  for (const t of tokens) {
    const mark = MARK[t.type];
    switch (t.type) {
      case 'text': {
        const tt = t as Tokens.Text;
        if (tt.tokens) inline(tt.tokens, o);
        else o.b.append(decodeEntities(tt.text));
        break;
      }
      case 'escape':
      case 'codespan':
        o.b.append(decodeEntities((t as Tokens.Escape | Tokens.Codespan).text));
        break;
      case 'strong':
      case 'em':
        o.b.openMark(mark!);
        inline((t as Tokens.Strong | Tokens.Em).tokens, o);
        o.b.closeMark(mark!);
        break;
      case 'del':
      case 'link':
        inline((t as Tokens.Del | Tokens.Link).tokens, o);
        break;
      case 'br': {
        // A hard line break starts a new line: a block of the same kind.
        const { kind, level } = o;
        begin(o, kind === 'list-item' ? 'paragraph' : kind, level);
        break;
      }
      case 'html':
        o.b.append(decodeEntities(stripTags((t as Tokens.HTML).text)));
        break;
      case 'image':
        break;
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) inline(t.tokens as Token[], o);
        else if ('text' in t && typeof t.text === 'string') o.b.append(decodeEntities(t.text));
    }
  }
}

function blocks(tokens: Token[], o: Out, state: { title: string | null }, quoted: boolean): void {
  const para = quoted ? 'quote' : 'paragraph';
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        begin(o, 'heading', h.depth);
        inline(h.tokens, o);
        const before = o.blocks.length;
        flush(o);
        if (h.depth === 1 && state.title === null && o.blocks.length > before) state.title = o.blocks[before]!.text;
        break;
      }
      case 'paragraph':
        begin(o, para);
        inline((t as Tokens.Paragraph).tokens, o);
        flush(o);
        break;
      case 'text': {
        const tt = t as Tokens.Text;
        if (o.b.empty && o.kind !== 'list-item') begin(o, para);
        if (tt.tokens) inline(tt.tokens, o);
        else o.b.append(decodeEntities(tt.text));
        break;
      }
      case 'list': {
        const l = t as Tokens.List;
        const start = typeof l.start === 'number' ? l.start : 1;
        l.items.forEach((item, k) => {
          begin(o, 'list-item', undefined, l.ordered ? `${start + k}. ` : '• ');
          const at = o.blocks.length;
          blocks(item.tokens, o, state, quoted);
          flush(o);
          if (k === 0 && o.blocks[at]) o.blocks[at]!.listStart = true;
        });
        break;
      }
      case 'blockquote':
        flush(o);
        blocks((t as Tokens.Blockquote).tokens, o, state, true);
        flush(o);
        break;
      case 'code':
        flush(o);
        for (const line of (t as Tokens.Code).text.split('\n')) {
          begin(o, para);
          o.b.append(line);
          flush(o);
        }
        break;
      case 'table': {
        const tb = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]): void => {
          begin(o, para);
          cells.forEach((c, k) => {
            if (k > 0 && !o.b.empty) o.b.append(' | ');
            inline(c.tokens, o);
          });
          flush(o);
        };
        row(tb.header);
        for (const r of tb.rows) row(r);
        break;
      }
      case 'html':
        begin(o, para);
        o.b.append(decodeEntities(stripTags((t as Tokens.HTML).text)));
        flush(o);
        break;
      default:
        break;
    }
  }
}

/** YAML front matter: the few keys a reader's notes file is likely to carry. */
function frontMatter(md: string): { body: string; fields: Record<string, string> } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(md);
  if (!m) return { body: md, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { body: md.slice(m[0].length), fields };
}

export function markdownToArticle(md: string): MarkdownArticle {
  const source = md.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const { body, fields } = frontMatter(source);
  const o: Out = { blocks: [], b: new BlockBuilder(), kind: 'paragraph', marker: 0 };
  const state = { title: null as string | null };
  blocks(Lexer.lex(body), o, state, false);
  flush(o);
  const title = fields.title || state.title;
  if (fields.title && o.blocks[0]?.text !== fields.title) o.blocks.unshift({ kind: 'heading', level: 1, text: fields.title });
  const lang = (fields.lang ?? fields.language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return {
    text: blocksText(o.blocks),
    blocks: o.blocks,
    title: title || null,
    author: fields.author || null,
    published: fields.date || fields.published || null,
    language: /^[a-z]{2,3}$/.test(lang) ? lang : null,
  };
}
