import { ParallaxError } from '../errors.js';

// Input limits checked before any parser walks a file. HTML and Markdown parsers (and the walks
// over their trees) recurse once per nesting level: thousands of nested <div>s or `>` quotes
// exhaust the stack or take minutes. Each check here is a single linear pass with no recursion,
// so it is cheap on any input, and a file over a limit is refused with a sentence that names it.

export interface ImportLimits {
  /** Deepest element nesting an HTML page may have (real articles stay under ~60; the parser needs ~4 s at 400 on a busy machine). */
  htmlDepth: number;
  /** Deepest blockquote (`>`) nesting in Markdown. */
  markdownQuoteDepth: number;
  /** Deepest list nesting in Markdown (by indentation). */
  markdownListDepth: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { htmlDepth: 256, markdownQuoteDepth: 50, markdownListDepth: 50 };

// Elements that never have content, and those the HTML parser closes on its own when a sibling
// of the same kind opens (so `<li>a<li>b` is two items, not one inside the other).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', '!doctype']);
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'rt', 'rp', 'optgroup']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'iframe', 'noembed', 'noframes']);

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95 || c === 33;

/**
 * The deepest element nesting of an HTML page, by a linear scan of its tags (no DOM, no
 * recursion). Stops early once `stopAbove` is passed. Comments and raw-text elements (script,
 * style) are skipped; void elements and `/>` do not nest; a closing tag closes every element
 * opened after its match, as the parser does.
 */
export function htmlNestingDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const stack: string[] = [];
  let max = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47; // '/'
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart) {
      i = lt + 1; // a lone '<' in text
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    const gt = html.indexOf('>', j);
    if (gt < 0) break;
    i = gt + 1;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (VOID.has(name) || name.startsWith('!') || name.startsWith('?') || html.charCodeAt(gt - 1) === 47) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop();
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = i;
      const m = close.exec(html);
      i = m ? m.index : n;
      continue;
    }
    stack.push(name);
    if (stack.length > max) {
      max = stack.length;
      if (max > stopAbove) return max;
    }
  }
  return max;
}

export interface MarkdownDepth {
  quote: number;
  list: number;
}

/** The deepest `>` quoting and list nesting of a Markdown text, line by line. */
export function markdownNestingDepth(md: string, stopAbove = Number.POSITIVE_INFINITY): MarkdownDepth {
  let quote = 0;
  let list = 0;
  // Indentation of each open list level, so "- a\n   - b" counts 2 whatever the indent width.
  const indents: number[] = [];
  let lineStart = 0;
  const n = md.length;
  while (lineStart <= n) {
    let end = md.indexOf('\n', lineStart);
    if (end < 0) end = n;
    let i = lineStart;
    let q = 0;
    // Leading quote markers: '>' optionally separated by spaces.
    for (;;) {
      while (i < end && (md.charCodeAt(i) === 32 || md.charCodeAt(i) === 9)) i++;
      if (i < end && md.charCodeAt(i) === 62) {
        q++;
        i++;
      } else break;
    }
    if (q > quote) quote = q;
    // A list item: indentation, then a bullet or "1." / "1)" and a space.
    let indent = 0;
    let p = lineStart;
    while (p < end && (md.charCodeAt(p) === 32 || md.charCodeAt(p) === 9 || md.charCodeAt(p) === 62)) {
      indent += md.charCodeAt(p) === 9 ? 4 : 1;
      p++;
    }
    const k = p;
    const c = md.charCodeAt(k);
    let marker = false;
    if ((c === 45 || c === 42 || c === 43) && md.charCodeAt(k + 1) === 32) marker = true;
    else {
      let d = k;
      while (d < end && d - k < 9 && md.charCodeAt(d) >= 48 && md.charCodeAt(d) <= 57) d++;
      if (d > k && (md.charCodeAt(d) === 46 || md.charCodeAt(d) === 41) && md.charCodeAt(d + 1) === 32) marker = true;
    }
    if (marker) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      if (indents.length > list) list = indents.length;
    } else if (end > lineStart && indent === 0 && q === 0) indents.length = 0;
    if (quote > stopAbove || list > stopAbove) break;
    lineStart = end + 1;
  }
  return { quote, list };
}

/**
 * Refuse a file whose nesting is deeper than any real document's, before it is parsed.
 * `text` is the file as text (decoded loosely; only ASCII markup matters here).
 */
export function checkImportLimits(name: string, format: 'html' | 'markdown' | 'text' | string, text: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): void {
  if (format === 'html') {
    const depth = htmlNestingDepth(text, limits.htmlDepth);
    if (depth > limits.htmlDepth) {
      throw new ParallaxError(
        'IMPORT_TOO_COMPLEX',
        `${name} is too deeply nested to import: its HTML has elements more than ${limits.htmlDepth.toLocaleString('en-US')} levels deep, ` +
          'far deeper than any real web page. Save the article again (for example with the browser\u2019s “Save as text”) and import that.',
      );
    }
  } else if (format === 'markdown') {
    const d = markdownNestingDepth(text, Math.max(limits.markdownQuoteDepth, limits.markdownListDepth));
    if (d.quote > limits.markdownQuoteDepth) {
      throw new ParallaxError(
        'IMPORT_TOO_COMPLEX',
        `${name} is too deeply nested to import: it has quotes (>) more than ${limits.markdownQuoteDepth} levels deep. Remove the extra “>” marks and import it again.`,
      );
    }
    if (d.list > limits.markdownListDepth) {
      throw new ParallaxError(
        'IMPORT_TOO_COMPLEX',
        `${name} is too deeply nested to import: it has lists more than ${limits.markdownListDepth} levels deep. Flatten the lists and import it again.`,
      );
    }
  }
}
