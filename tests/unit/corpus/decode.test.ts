import { describe, expect, it } from 'vitest';
import { decodeImportFile, MAX_IMPORT_BYTES, unwrapHardWrapped, type DecodedFile } from '../../../electron/core/corpus/decode.js';
import { normaliseText } from '../../../electron/core/corpus/normalise.js';
import { segment } from '../../../electron/core/corpus/segment.js';
import { fixture, refusal } from './helpers.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const decode = (name: string, content: string | Uint8Array): Promise<DecodedFile> =>
  decodeImportFile(name, typeof content === 'string' ? utf8(content) : content);

describe('decodeImportFile refuses bad input, each case with its own message', () => {
  it('an unsupported extension, listing the supported types', async () => {
    const r = (await refusal('report.odt', utf8('hello')));
    expect(r.code).toBe('UNSUPPORTED_FILE');
    expect(r.message).toContain('report.odt');
    for (const ext of ['.txt', '.md', '.html', '.htm', '.pdf', '.epub', '.docx']) expect(r.message).toContain(ext);
    expect((await refusal('notes', utf8('hello'))).code).toBe('UNSUPPORTED_FILE');
    // A supported binary type whose bytes are something else is refused as malformed, naming the file.
    const fake = await refusal('report.docx', utf8('hello'));
    expect(fake.code).toBe('MALFORMED_FILE');
    expect(fake.message).toMatch(/report\.docx is not a Word document/);
  });

  it('accepts the supported extensions in any case', async () => {
    for (const name of ['a.TXT', 'b.Md', 'c.markdown', 'd.HTM', 'e.html']) expect((await decode(name, 'Some words here.')).text).toContain('Some words here.');
  });

  it('an empty file', async () => {
    const r = (await refusal('empty.txt', fixture('empty.txt')));
    expect(r).toMatchObject({ code: 'EMPTY_FILE' });
    expect(r.message).toMatch(/empty\.txt is empty/);
  });

  it('a file of only whitespace', async () => {
    const r = (await refusal('whitespace-only.txt', fixture('whitespace-only.txt')));
    expect(r.code).toBe('EMPTY_FILE');
    expect(r.message).toMatch(/only whitespace/);
    expect((await refusal('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).code).toBe('EMPTY_FILE');
  });

  it('a binary file', async () => {
    const r = (await refusal('binary.txt', fixture('binary.txt')));
    expect(r.code).toBe('BINARY_FILE');
    expect(r.message).toMatch(/binary\.txt contains binary data/);
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect((await refusal('controls.txt', controls)).code).toBe('BINARY_FILE');
  });

  it('a real PNG renamed .txt, saying it looks like a PNG image', async () => {
    const r = (await refusal('photo-renamed.txt', fixture('photo-renamed.txt')));
    expect(r.code).toBe('BINARY_FILE');
    expect(r.message).toMatch(/looks like a PNG image/);
  });

  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46], /JPEG image/],
    ['GIF', [...utf8('GIF89a'), 0x01, 0x00], /GIF image/],
    ['PDF', [...utf8('%PDF-1.4\n%âãÏÓ\n')], /PDF document/],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, ...utf8('data.csv')], /ZIP archive/],
    ['DOCX', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, ...utf8('[Content_Types].xml'), 0x00, ...utf8('word/document.xml')], /Word document/],
  ])('a %s file renamed .txt, named by its magic number', async (_label, bytes, pattern) => {
    const r = (await refusal('renamed.txt', new Uint8Array(bytes)));
    expect(r.code).toBe('BINARY_FILE');
    expect(r.message).toMatch(pattern);
  });

  it('text that is not valid UTF-8, saying where', async () => {
    const r = (await refusal('latin1.txt', fixture('latin1.txt')));
    expect(r.code).toBe('INVALID_UTF8');
    expect(r.message).toMatch(/not valid UTF-8/);
    expect(r.message).toMatch(/position 3\b/);
    // Overlong encodings and lone surrogates are invalid too.
    expect((await refusal('overlong.txt', new Uint8Array([0x41, 0xc0, 0xaf]))).code).toBe('INVALID_UTF8');
    expect((await refusal('surrogate.txt', new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).code).toBe('INVALID_UTF8');
    expect((await refusal('truncated.txt', new Uint8Array([0x41, 0x42, 0xe2, 0x80]))).code).toBe('INVALID_UTF8');
  });

  it('a file over the size limit, giving its size and the limit', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const r = (await refusal('huge.txt', big));
    expect(r.code).toBe('TOO_LARGE');
    expect(r.message).toContain('20 MB');
    expect(r.message).toContain((MAX_IMPORT_BYTES + 1).toLocaleString('en-US'));
    const bigger = (await refusal('bigger.txt', new Uint8Array(25 * 1024 * 1024)));
    expect(bigger.message).toMatch(/25\.0 MB.*20 MB/);
  });

  it('an HTML page with no readable text', async () => {
    expect((await refusal('blank.html', utf8('<html><head><script>var a = 1;</script></head><body><img src="x.png"></body></html>'))).code).toBe('EMPTY_FILE');
  });

  it('RTF renamed .txt', async () => {
    expect((await refusal('letter.txt', utf8('{\\rtf1\\ansi Hello}'))).code).toBe('UNSUPPORTED_FILE');
  });
});

describe('decodeImportFile reads good input', () => {
  it('plain UTF-8 text, taking a heading-like first line as the title', async () => {
    const d = (await decodeImportFile('plain.txt', fixture('plain.txt')));
    expect(d.title).toBe('NATO ministers meet in Bucharest');
    expect(d.text).toContain('They discussed support for Ukraine.');
    expect(d.language).toBe('en');
    expect((await decode('x.txt', 'The ministers met. They talked.')).title).toBeNull();
    expect((await decode('x.txt', 'UKRAINIAN WORLD CONGRESS\n\nThe ministers met.')).title).toBeNull();
  });

  it('UTF-8 with a byte order mark, and UTF-16 with one', async () => {
    expect((await decodeImportFile('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello there.')]))).text).toBe('Hello there.');
    const le = (await decodeImportFile('utf16le-bom.txt', fixture('utf16le-bom.txt')));
    expect(normaliseText(le.text)).toBe('NATO ministers meet in Bucharest\n\nThe allies agreed on “more support” for Ukraine.');
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69, 0x00, 0x21]);
    expect(normaliseText((await decodeImportFile('be.txt', be)).text)).toBe('Hi!');
  });

  it('a publication date given at the top of a text file', async () => {
    expect((await decode('d.txt', 'Headline here\n\nPublished: 30 November 2022\n\nBody text.')).published).toBe('2022-11-30');
  });

  it('HTML through Readability: title, author, date and language kept; scripts and navigation gone', async () => {
    const d = (await decodeImportFile('article.html', fixture('article.html')));
    expect(d.title).toBe('Allies pledge winter aid for Ukraine');
    expect(d.author).toBe('Maria Ionescu');
    expect(d.published).toBe('2022-11-30');
    expect(d.language).toBe('en');
    expect(d.text).not.toMatch(/SHOULD-NOT-APPEAR|tracking|font-family|Home \| World/);
    const text = normaliseText(d.text);
    const lines = text.split('\n');
    expect(lines).toContain('What was agreed');
    expect(lines).toContain('• More support for Ukraine’s energy grid.');
    expect(lines).toContain('• Help for Moldova, Georgia and Bosnia and Herzegovina.');
    // Paragraphs are separated by blank lines; list items sit on consecutive lines.
    expect(text).toMatch(/electricity\.\n\n“We will not back down,”/);
    expect(text).toMatch(/energy grid\.\n• Help for/);
    const seg = segment(text);
    const kinds = seg.passages.map((p) => [p.kind, text.slice(p.start, p.end)]);
    expect(kinds).toContainEqual(['heading', 'What was agreed']);
    expect(kinds.filter(([k]) => k === 'list-item')).toHaveLength(3);
  });

  it('HTML byline from the page itself, and a bare fragment', async () => {
    const page = `<html><head><title>Talks end</title></head><body><article><h1>Talks end</h1><p class="byline">By Ana Popescu</p>
      <p>The talks in Bucharest ended on Wednesday with a joint statement that all of the allies signed after two long days of meetings.</p></article></body></html>`;
    const d = (await decode('talks.htm', page));
    expect(d.author).toBe('Ana Popescu');
    expect(d.title).toBe('Talks end');
    const frag = (await decode('frag.html', '<h2>Short note</h2><p>Just one &amp; only paragraph.</p><ol><li>one</li><li>two</li></ol>'));
    expect(normaliseText(frag.text)).toBe('Short note\n\nJust one & only paragraph.\n\n1. one\n2. two');
  });

  it('Markdown as readable plain text: no #, emphasis or link syntax; list items as •', async () => {
    const d = (await decodeImportFile('notes.md', fixture('notes.md')));
    expect(d.title).toBe('Notes on the Bucharest meeting');
    const text = normaliseText(d.text);
    expect(text).not.toMatch(/[#*_`]|\]\(|\[/);
    expect(text.split('\n')).toEqual([
      'Notes on the Bucharest meeting',
      '',
      'Ministers met on 29 November 2022 in Bucharest. The statement condemned Russia’s energy blackmail.',
      '',
      'Key points',
      '',
      '• Support for Ukraine “as long as necessary”',
      '• Open door for Finland and Sweden',
      '',
      '1. First, the statement.',
      '2. Second, the press conference.',
      '',
      '“We will not back down.”',
    ]);
  });

  it('Markdown front matter gives title, author and date', async () => {
    const d = (await decode('fm.md', '---\ntitle: "Field notes"\nauthor: Ann Reader\ndate: 2022-11-29\n---\n\nSome text about the day.'));
    expect(d).toMatchObject({ title: 'Field notes', author: 'Ann Reader', published: '2022-11-29' });
    expect(normaliseText(d.text)).toBe('Field notes\n\nSome text about the day.');
  });

  it('Markdown without a level-one heading leaves the title to deriveTitle', async () => {
    expect((await decode('n.md', '## Section\n\nText.')).title).toBeNull();
  });
});

describe('unwrapHardWrapped', () => {
  it('rejoins the lines of paragraphs wrapped at a fixed width', async () => {
    const para = Array.from({ length: 6 }, (_, i) => `line ${i} of a paragraph that was wrapped at a fixed width so`).join('\n');
    const out = unwrapHardWrapped(`${para}\n\n${para}\n\n• a list item stays\n• on its own line`);
    const paras = out.split('\n\n');
    expect(paras[0]).toBe(para.replace(/\n/g, ' '));
    expect(paras[2]).toBe('• a list item stays\n• on its own line');
  });

  it('leaves text with one paragraph a line alone', async () => {
    const t = 'First paragraph is a single line.\nSecond paragraph is another line.\nThird.';
    expect(unwrapHardWrapped(t)).toBe(t);
  });
});

describe('Markdown with raw HTML', () => {
  it('keeps the words of HTML blocks and drops scripts, styles and comments', async () => {
    const d = (await decode('raw.md', 'Intro text here.\n\n<div>Kept <b>words</b></div>\n\n<script>alert("gone")</script>\n\n<!-- hidden note -->\n\n<style>p { color: red }</style>\n\nEnd.'));
    const text = normaliseText(d.text);
    expect(text).toContain('Kept words');
    expect(text).not.toMatch(/alert|gone|hidden note|color/);
    expect(text).toContain('End.');
  });
});
