import { Lexer, type Token, type Tokens } from 'marked';

// A Markdown file as the plain text a person reads: headings as lines without '#', emphasis
// and link syntax gone (the words stay), list items as "• item" / "1. item" lines kept
// together, paragraphs separated by blank lines. marked's lexer does the parsing.

export interface MarkdownArticle {
  text: string;
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

// A hard line break while inline text is gathered; soft breaks (plain newlines) become spaces.
const HARD_BREAK = '\u2028';

// Raw HTML inside Markdown: its words stay, its scripts, styles and comments do not.
const stripTags = (s: string): string =>
  s
    .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[^>]*>/g, '');

function inline(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text': {
        const tt = t as Tokens.Text;
        out += tt.tokens ? inline(tt.tokens) : decodeEntities(tt.text);
        break;
      }
      case 'escape':
      case 'codespan':
        out += decodeEntities((t as Tokens.Escape | Tokens.Codespan).text);
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        out += inline((t as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link).tokens);
        break;
      case 'br':
        out += HARD_BREAK;
        break;
      case 'html':
      case 'image':
        break;
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) out += inline(t.tokens as Token[]);
        else if ('text' in t && typeof t.text === 'string') out += decodeEntities(t.text);
    }
  }
  return out;
}

interface Line {
  text: string;
  tight: boolean;
}

// Soft line breaks inside a paragraph are spaces; a hard break (two spaces, "\") starts a line.
function paragraphLines(s: string, out: Line[], tight = false): void {
  s.split('\n').forEach((part, k) => {
    const text = part.replace(/[ \t]+/g, ' ').trim();
    if (text.length > 0) out.push({ text, tight: tight || k > 0 });
  });
}

function flatten(tokens: Token[] | undefined): string {
  return inline(tokens).replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\u2028/g, '\n');
}

function blocks(tokens: Token[], out: Line[], state: { title: string | null }, inItem: boolean): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        const text = flatten(h.tokens).trim();
        if (h.depth === 1 && state.title === null && text.length > 0) state.title = text;
        paragraphLines(text, out, inItem);
        break;
      }
      case 'paragraph':
        paragraphLines(flatten((t as Tokens.Paragraph).tokens), out, inItem);
        break;
      case 'text': {
        const tt = t as Tokens.Text;
        paragraphLines(tt.tokens ? flatten(tt.tokens) : decodeEntities(tt.text).replace(/\s*\n\s*/g, ' '), out, inItem);
        break;
      }
      case 'list': {
        const l = t as Tokens.List;
        const start = typeof l.start === 'number' ? l.start : 1;
        l.items.forEach((item, k) => {
          const marker = l.ordered ? `${start + k}. ` : '• ';
          const inner: Line[] = [];
          blocks(item.tokens, inner, state, true);
          const [first, ...rest] = inner;
          out.push({ text: marker + (first?.text ?? item.text.trim()), tight: inItem || k > 0 });
          for (const r of rest) out.push({ text: r.text, tight: true });
        });
        break;
      }
      case 'blockquote':
        blocks((t as Tokens.Blockquote).tokens, out, state, inItem);
        break;
      case 'code':
        (t as Tokens.Code).text.split('\n').forEach((line, k) => {
          if (line.trim().length > 0) out.push({ text: line, tight: inItem || k > 0 });
        });
        break;
      case 'table': {
        const tb = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[]): string => cells.map((c) => flatten(c.tokens).trim()).filter((c) => c.length > 0).join(' | ');
        out.push({ text: row(tb.header), tight: inItem });
        for (const r of tb.rows) out.push({ text: row(r), tight: true });
        break;
      }
      case 'html':
        paragraphLines(decodeEntities(stripTags((t as Tokens.HTML).text)), out, inItem);
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
  const out: Line[] = [];
  const state = { title: null as string | null };
  blocks(Lexer.lex(body), out, state, false);
  let text = '';
  for (const l of out) text += (text.length === 0 ? '' : l.tight ? '\n' : '\n\n') + l.text;
  const title = fields.title || state.title;
  if (fields.title && !text.startsWith(fields.title)) text = `${fields.title}\n\n${text}`;
  const lang = (fields.lang ?? fields.language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return {
    text,
    title: title || null,
    author: fields.author || null,
    published: fields.date || fields.published || null,
    language: /^[a-z]{2,3}$/.test(lang) ? lang : null,
  };
}
