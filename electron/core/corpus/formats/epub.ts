import path from 'node:path/posix';
import type { Unzipped } from 'fflate';
import { ParallaxError } from '../../errors.js';
import type { DecodedBlock } from '../blocks.js';
import { findDates } from '../dates.js';
import { htmlContentToBlocks } from '../html.js';
import { decodeEntities } from '../markdown.js';
import { openZip, zipText } from './zip.js';

// An EPUB (2 or 3) as blocks: the spine's documents in reading order, each chapter opening with
// a level-1 heading (its own, else its table-of-contents label), its inner headings below that;
// title, author, language and date from the package (OPF) metadata. The XML read here is the
// small, regular part of the package (container, OPF, NCX/nav); attribute parsing is local.

export interface DecodedEpub {
  blocks: DecodedBlock[];
  title: string | null;
  author: string | null;
  language: string | null;
  published: string | null;
  chapters: number;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]!.toLowerCase()] = decodeEntities(m[3] ?? m[4] ?? '');
  return out;
}

function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

function textOf(xml: string, name: string): string | null {
  const m = new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'i').exec(xml);
  if (!m) return null;
  const t = decodeEntities(m[1]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return t || null;
}

/** href (resolved against the package, without fragment) -> label, in table-of-contents order. */
function tableOfContents(files: Unzipped, opfDir: string, manifest: Map<string, { href: string; type: string; props: string }>, tocId: string | undefined): Map<string, string> {
  const toc = new Map<string, string>();
  const add = (base: string, href: string, label: string): void => {
    const file = path.normalize(path.join(base, decodeURIComponent(href.split('#')[0] ?? '')));
    if (label && !toc.has(file)) toc.set(file, label);
  };
  const nav = [...manifest.values()].find((m) => m.props.split(/\s+/).includes('nav'));
  if (nav) {
    const file = path.join(opfDir, nav.href);
    const xhtml = zipText(files, file) ?? '';
    const tocNav = /<nav\b[^>]*epub:type\s*=\s*["'][^"']*\btoc\b[^"']*["'][^>]*>([\s\S]*?)<\/nav>/i.exec(xhtml)?.[1] ?? xhtml;
    for (const m of tocNav.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)) {
      const href = attrs(m[1]!).href;
      if (href) add(path.dirname(file), href, decodeEntities(m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim());
    }
  }
  const ncxItem = (tocId ? manifest.get(tocId) : undefined) ?? [...manifest.values()].find((m) => m.type === 'application/x-dtbncx+xml');
  if (toc.size === 0 && ncxItem) {
    const file = path.join(opfDir, ncxItem.href);
    const ncx = zipText(files, file) ?? '';
    for (const m of ncx.matchAll(/<navPoint\b[\s\S]*?<text>([\s\S]*?)<\/text>[\s\S]*?<content\b([^>]*)\/?>/gi)) {
      const src = attrs(m[2]!).src;
      if (src) add(path.dirname(file), src, decodeEntities(m[1]!).replace(/\s+/g, ' ').trim());
    }
  }
  return toc;
}

export function decodeEpub(name: string, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): DecodedEpub {
  const files = openZip(name, bytes, 'EPUB book');
  if (files['META-INF/encryption.xml'] && /<(?:\w+:)?EncryptedData\b/i.test(zipText(files, 'META-INF/encryption.xml') ?? '')) {
    throw new ParallaxError('ENCRYPTED_FILE', `${name} is protected by DRM (its chapters are encrypted), so Parallax cannot read it. Import a DRM-free copy of the book.`);
  }
  const container = zipText(files, 'META-INF/container.xml');
  const rootfile = container ? attrs(elements(container, 'rootfile')[0] ?? '')['full-path'] : undefined;
  if (!rootfile) throw new ParallaxError('MALFORMED_FILE', `${name} is not a valid EPUB: META-INF/container.xml is missing or names no package file.`);
  const opf = zipText(files, rootfile);
  if (!opf) throw new ParallaxError('MALFORMED_FILE', `${name} is not a valid EPUB: its package file ${rootfile} is missing.`);
  const opfDir = path.dirname(rootfile);

  const manifest = new Map<string, { href: string; type: string; props: string }>();
  for (const tag of elements(opf, 'item')) {
    const a = attrs(tag);
    if (a.id && a.href) manifest.set(a.id, { href: a.href, type: a['media-type'] ?? '', props: a.properties ?? '' });
  }
  const spineTag = elements(opf, 'spine')[0] ?? '';
  const spine = elements(opf, 'itemref')
    .map(attrs)
    .filter((a) => a.linear !== 'no')
    .map((a) => manifest.get(a.idref ?? ''))
    .filter((m): m is { href: string; type: string; props: string } => Boolean(m) && /html|xml/.test(m!.type));
  if (spine.length === 0) throw new ParallaxError('MALFORMED_FILE', `${name} is not a valid EPUB: its spine lists no chapters.`);
  const toc = tableOfContents(files, opfDir, manifest, attrs(spineTag).toc);

  const blocks: DecodedBlock[] = [];
  let chapters = 0;
  let language: string | null = null;
  spine.forEach((item, i) => {
    const file = path.normalize(path.join(opfDir, decodeURIComponent(item.href)));
    const xhtml = zipText(files, file);
    onProgress?.(i + 1, spine.length);
    if (xhtml === null) return;
    const chapter = htmlContentToBlocks(xhtml);
    language ??= chapter.language;
    const content = chapter.blocks;
    if (content.length === 0) return;
    // Inner headings sit under the chapter: the chapter's own top heading becomes level 1.
    const levels = content.filter((b) => b.kind === 'heading').map((b) => b.level ?? 1);
    const top = levels.length ? Math.min(...levels) : 1;
    for (const b of content) if (b.kind === 'heading') b.level = Math.min(6, (b.level ?? top) - top + 1);
    const label = toc.get(file);
    const opener = content[0]!;
    if (!(opener.kind === 'heading' && opener.level === 1)) {
      const heading = label ?? chapter.title;
      if (heading) content.unshift({ kind: 'heading', level: 1, text: heading });
    }
    chapters++;
    blocks.push(...content);
  });
  if (blocks.length === 0) throw new ParallaxError('EMPTY_FILE', `${name} has no readable text in its chapters.`);

  const title = textOf(opf, 'title');
  const lang = (textOf(opf, 'language') ?? language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const date = textOf(opf, 'date');
  if (title && !(blocks[0]?.kind === 'heading' && blocks[0].text === title)) blocks.unshift({ kind: 'heading', level: 1, text: title });
  return {
    blocks,
    title,
    author: textOf(opf, 'creator'),
    language: /^[a-z]{2,3}$/.test(lang) ? lang : null,
    published: date ? (findDates(/^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date)[0]?.iso ?? (/^\d{4}$/.test(date) ? null : null)) : null,
    chapters,
  };
}
