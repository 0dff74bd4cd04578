import { describe, expect, it } from 'vitest';
import { checkImportLimits, htmlNestingDepth, markdownNestingDepth } from '../../../electron/core/corpus/limits.js';

describe('htmlNestingDepth (a linear scan, no DOM)', () => {
  it('counts element nesting', () => {
    expect(htmlNestingDepth('<html><body><div><p>x</p></div></body></html>')).toBe(4);
    expect(htmlNestingDepth('<div>'.repeat(1000))).toBe(1000);
  });

  it('does not count void elements, self-closing tags, comments or markup inside scripts', () => {
    expect(htmlNestingDepth('<body><br><img src=x><hr/><input><meta charset=utf-8></body>')).toBe(1);
    expect(htmlNestingDepth(`<body><!-- ${'<div>'.repeat(50)} --><p>x</p></body>`)).toBe(2);
    expect(htmlNestingDepth(`<body><script>var s = "${'<div>'.repeat(50)}";</script><p>x</p></body>`)).toBe(2);
    expect(htmlNestingDepth('<svg><path d="M0"/><path d="M1"/></svg>')).toBe(1);
  });

  it('closes siblings the parser closes on its own (<li>, <p>, <td> left open)', () => {
    const list = `<ul>${'<li>item'.repeat(500)}</ul>`;
    expect(htmlNestingDepth(list)).toBe(2);
    expect(htmlNestingDepth(`<body>${'<p>para'.repeat(500)}</body>`)).toBe(2);
  });

  it('a closing tag closes what was opened after its match', () => {
    expect(htmlNestingDepth(`<div>${'<span>'.repeat(10)}</div><div><b>x</b></div>`)).toBe(11);
    expect(htmlNestingDepth(`${'<div><span>'.repeat(3)}</div></div></div><p>x</p>`)).toBe(6);
  });

  it('stops early once over the limit', () => {
    expect(htmlNestingDepth('<div>'.repeat(100_000), 400)).toBe(401);
  });
});

describe('markdownNestingDepth', () => {
  it('counts quote markers with or without spaces', () => {
    expect(markdownNestingDepth('> a\n> > b\n>>> c').quote).toBe(3);
    expect(markdownNestingDepth('plain text with a > sign').quote).toBe(0);
  });

  it('counts list nesting by indentation, whatever its width', () => {
    expect(markdownNestingDepth('- a\n  - b\n    - c\n- d').list).toBe(3);
    expect(markdownNestingDepth('1. a\n   1. b\n2. c').list).toBe(2);
    expect(markdownNestingDepth(Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')).list).toBe(300);
    expect(markdownNestingDepth('- a\n\ntext\n\n- b').list).toBe(1);
  });
});

describe('checkImportLimits', () => {
  it('refuses a deep page with IMPORT_TOO_COMPLEX, naming the file in a plain sentence', () => {
    try {
      checkImportLimits('page.html', 'html', '<div>'.repeat(5000));
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as { code: string }).code).toBe('IMPORT_TOO_COMPLEX');
      expect((e as Error).message).toMatch(/^page\.html is too deeply nested to import/);
    }
  });

  it('refuses deep Markdown quotes and lists; accepts ordinary documents', () => {
    expect(() => checkImportLimits('q.md', 'markdown', '>'.repeat(5000) + ' x')).toThrow(/quotes/);
    expect(() => checkImportLimits('l.md', 'markdown', Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'))).toThrow(/lists/);
    expect(() => checkImportLimits('ok.md', 'markdown', '# Title\n\n> a quote\n\n- a\n  - b\n')).not.toThrow();
    expect(() => checkImportLimits('ok.html', 'html', '<html><body><article><p>x</p></article></body></html>')).not.toThrow();
    expect(() => checkImportLimits('t.txt', 'text', '<div>'.repeat(5000))).not.toThrow();
  });
});
