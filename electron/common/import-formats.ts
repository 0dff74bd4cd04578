// The file types Parallax imports: the one list that the core's decoder, the CLI and the
// renderer's file picker and drop handling all read (host-neutral, so every layer may import it).
// Keys are extensions (lower case, no dot).

export const IMPORT_FORMATS = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  epub: 'epub',
  docx: 'docx',
} as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[keyof typeof IMPORT_FORMATS];

export const IMPORT_EXTENSIONS: readonly string[] = Object.keys(IMPORT_FORMATS).map((e) => `.${e}`);

/** How the supported types are named to people, in refusals and hints. */
export const IMPORT_TYPES_SENTENCE = 'PDF (.pdf), EPUB books (.epub), Word documents (.docx), web pages (.html, .htm), Markdown (.md) and plain text (.txt)';
