import type { ApiError, ErrorCode, Result } from '@contract';

/** A failed Result turned into something throwable (for code that prefers exceptions). */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.code = error.code;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

// ---------------------------------------------------------------------------------------------
// Messages for people. Core writes sentences a reader can act on, but a few come through in the
// words of the implementation: input-validation messages from zod ("files: Too big: expected
// array to have <=200 items"), operation names ("docs.get"), internal ids and error codes. This
// is the one place they are rewritten, just before they are shown (toApiError, used by
// ErrorMessage and toastError).

const NOTHING_CHANGED = 'Nothing in your library was changed.';

/** What to say when a message has nothing usable left, by code (a new code falls back to INTERNAL's words). */
const FALLBACK: Partial<Record<ErrorCode, string>> & { INTERNAL: string } = {
  INVALID_INPUT: `Parallax could not do that: what it was asked was not in the form it expects. ${NOTHING_CHANGED}`,
  NOT_FOUND: 'That is no longer in the library; it may have been deleted.',
  UNSUPPORTED_FILE: 'Parallax cannot import this kind of file. It imports text, Markdown, HTML, PDF, EPUB and Word files.',
  TOO_LARGE: 'That is too large for Parallax to take in one go.',
  EMPTY_FILE: 'The file is empty: there is nothing to import.',
  BINARY_FILE: 'The file is not text, so Parallax cannot read it.',
  INVALID_UTF8: 'The file is not in a text encoding Parallax can read (UTF-8). Save it as UTF-8 and import it again.',
  DUPLICATE: 'That is already in the library.',
  DB_CORRUPT: 'The library file is damaged. Parallax has not changed it.',
  DB_TOO_NEW: 'The library was written by a newer version of Parallax. Update Parallax to open it.',
  DB_READ_ONLY: 'The library file cannot be written to. Check that its folder is writable, then try again.',
  CANCELLED: 'That was cancelled.',
  IO_ERROR: 'Parallax could not read or write its files. Try again; if it keeps happening, restart Parallax.',
  IMPORT_TOO_COMPLEX: 'The file is too complex to import. Save it as plain text and import that.',
  MALFORMED_FILE: 'The file is damaged or not what its name says, so Parallax cannot read it.',
  NO_TEXT_LAYER: 'The PDF holds only images of pages, no text. Run it through text recognition (OCR) first, then import it.',
  ENCRYPTED_FILE: 'The file is password-protected. Save an unprotected copy and import that.',
  INTERNAL: `Something went wrong inside Parallax. ${NOTHING_CHANGED} Try again, or restart Parallax.`,
};

/** What a field of an operation's input is, in words (last named segment of a zod path). */
const FIELD_NOUNS: Record<string, { noun: string; plural: string }> = {
  files: { noun: 'file', plural: 'files' },
  name: { noun: 'file name', plural: 'file names' },
  dataBase64: { noun: 'file', plural: 'files' },
  content: { noun: 'file', plural: 'files' },
  note: { noun: 'note', plural: 'notes' },
  body: { noun: 'note', plural: 'notes' },
  text: { noun: 'text', plural: 'texts' },
  exact: { noun: 'quote', plural: 'quotes' },
  q: { noun: 'search', plural: 'searches' },
  query: { noun: 'search', plural: 'searches' },
  title: { noun: 'title', plural: 'titles' },
  prompt: { noun: 'question', plural: 'questions' },
  answer: { noun: 'answer', plural: 'answers' },
  id: { noun: 'item', plural: 'items' },
  ids: { noun: 'item', plural: 'items' },
  docId: { noun: 'document', plural: 'documents' },
  docIds: { noun: 'document', plural: 'documents' },
  highlightIds: { noun: 'highlight', plural: 'highlights' },
  color: { noun: 'colour', plural: 'colours' },
  key: { noun: 'setting', plural: 'settings' },
  value: { noun: 'setting', plural: 'settings' },
};

function fieldOf(path: string): { noun: string; plural: string } {
  const named = path
    .split('.')
    .filter((p) => p && !/^\d+$/.test(p))
    .pop();
  return (named && FIELD_NOUNS[named]) || { noun: 'input', plural: 'items' };
}

/** One zod issue ("path: message", zod 3 or 4 wording) as a sentence. */
function issueSentence(path: string, message: string): string {
  const { noun, plural } = fieldOf(path);
  const limit = /(?:<=\s*|at most\s+)([\d,]+)/i.exec(message)?.[1];
  const floor = /(?:>=\s*|at least\s+)([\d,]+)/i.exec(message)?.[1];
  const isArray = /array|element|items/i.test(message);
  if (/too big|at most|too long|<=/i.test(message)) {
    if (isArray) return `Too many ${plural} at once: at most ${limit ?? 'a few'} at a time.`;
    if (noun === 'file') return 'The file is too large to import.';
    return `The ${noun} is too long${limit ? `: at most ${limit} characters` : ''}.`;
  }
  if (/too small|at least|>=/i.test(message)) {
    if (isArray) return `Choose at least ${floor ?? 'one'} ${Number(floor) === 1 ? noun : plural}.`;
    return `The ${noun} is empty.`;
  }
  if (/required|received undefined/i.test(message)) return `The ${noun} is missing.`;
  return `The ${noun} is not in the form Parallax expects.`;
}

const INVALID_INPUT = /^Invalid input \((.*)\)\.?$/s;

function rewriteInvalidInput(message: string): string | null {
  const m = INVALID_INPUT.exec(message.trim());
  if (!m) return null;
  const sentences = m[1]
    .split('; ')
    .map((issue) => {
      const colon = issue.indexOf(': ');
      return colon > 0 ? issueSentence(issue.slice(0, colon), issue.slice(colon + 2)) : issueSentence('', issue);
    })
    .filter((s, i, all) => all.indexOf(s) === i);
  return `${sentences.join(' ')} ${NOTHING_CHANGED}`;
}

/** An operation name of the contract ("docs.get", "study.queue"): its feature prefix, a dot, a verb. */
const OP_NAME = /\b(?:docs|search|compare|annotations|highlights|notes|cards|study|settings|library)\.[a-z][A-Za-z]*\b/g;
const QUOTED_OP = new RegExp(`[“"'‘]${OP_NAME.source}[”"'’]`, 'g');

/** A message rewritten for people (see above); the code decides the fallback. */
export function humanMessage(error: ApiError): string {
  const raw = (error.message ?? '').trim();
  const fallback = FALLBACK[error.code] ?? FALLBACK.INTERNAL;
  if (!raw) return fallback;
  const fromZod = rewriteInvalidInput(raw);
  if (fromZod) return fromZod;
  let m = raw;
  // Transport messages name the operation: "does not offer “docs.get”", "could not run “docs.get”".
  if (/does not offer/.test(m) && new RegExp(QUOTED_OP.source).test(m)) {
    return 'This part of Parallax is not available in this version. Update Parallax, or restart it.';
  }
  m = m.replace(/could not run [“"'‘]?[\w.]+[”"'’]?\./, 'could not do that.').replace(QUOTED_OP, 'that').replace(OP_NAME, 'that');
  // Internal ids mean nothing to a person.
  m = m
    .replace(/\bNo document with id \S+ is in the library\./g, 'This document is no longer in the library.')
    .replace(/\bNo highlight with id \S+ exists/g, 'This highlight no longer exists')
    .replace(/\s*\((?:id )?[0-9a-f]{8,}\)/gi, '')
    .replace(/\b(?:document|highlight|card) `?[0-9a-f]{12,}`?/gi, (w) => w.split(/\s/)[0]);
  // A bare error code, or a message that is a code and a machine message, says nothing.
  if (/^[A-Z][A-Z_]+$/.test(m) || /^[A-Z][A-Z_]+:/.test(m)) return fallback;
  // Raw exception text after the sentence ("…: TypeError: x is undefined", "SQLITE_BUSY", "ENOENT").
  m = m.replace(/:\s*(?:[A-Za-z]*Error|SQLITE_[A-Z_]+|E[A-Z]{3,})\b[^.]*(\.|$)/g, '$1');
  if (/\b(?:SQLITE_[A-Z_]+|E(?:NOENT|ACCES|PERM|BUSY)|[A-Z][a-z]+Error|at [\w.]+ \()/.test(m)) return fallback;
  return m.trim() || fallback;
}

/** Any thrown thing as an ApiError a person can read (no stack traces, no implementation words). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return { code: e.code, message: humanMessage({ code: e.code, message: e.message }) };
  if (typeof e === 'object' && e !== null && 'code' in e && 'message' in e && typeof (e as ApiError).message === 'string') {
    const err = e as ApiError;
    return { code: err.code, message: humanMessage(err) };
  }
  return { code: 'INTERNAL', message: FALLBACK.INTERNAL };
}
