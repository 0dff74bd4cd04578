import { describe, expect, it } from 'vitest';
import { ApiFailure, humanMessage, toApiError } from '../../../renderer/src/api/errors.js';

// No message shown to a person names an implementation detail.
const LEAKS = /\b(?:docs|search|compare|annotations|highlights|notes|cards|study|settings)\.[a-z]|\b[A-Z]{2,}_[A-Z_]+\b|element\(s\)|expected (?:array|string)|<=|>=|dataBase64|Invalid input \(|\bzod\b|[0-9a-f]{16}/;

describe('human error messages', () => {
  it.each([
    // zod 3 and zod 4 wordings of the same limits
    ['Invalid input (files: Array must contain at most 200 element(s)).', 'Too many files at once: at most 200 at a time. Nothing in your library was changed.'],
    ['Invalid input (files: Too big: expected array to have <=200 items).', 'Too many files at once: at most 200 at a time. Nothing in your library was changed.'],
    ['Invalid input (note: String must contain at most 20000 character(s)).', 'The note is too long: at most 20000 characters. Nothing in your library was changed.'],
    ['Invalid input (files.0.dataBase64: Too big: expected string to have <=30000000 characters).', 'The file is too large to import. Nothing in your library was changed.'],
    ['Invalid input (q: Too small: expected string to have >=1 characters).', 'The search is empty. Nothing in your library was changed.'],
    ['Invalid input (docIds: Too small: expected array to have >=2 items).', 'Choose at least 2 documents. Nothing in your library was changed.'],
    ['Invalid input (id: must be a document id).', 'The item is not in the form Parallax expects. Nothing in your library was changed.'],
    ['Invalid input (input: Unrecognized key: "foo").', 'The input is not in the form Parallax expects. Nothing in your library was changed.'],
  ])('rewrites the validation message %s', (message, expected) => {
    expect(humanMessage({ code: 'INVALID_INPUT', message })).toBe(expected);
  });

  it('names no operation', () => {
    expect(humanMessage({ code: 'IO_ERROR', message: 'This version of Parallax does not offer “docs.get”.' })).toBe(
      'This part of Parallax is not available in this version. Update Parallax, or restart it.',
    );
    expect(humanMessage({ code: 'IO_ERROR', message: 'The app could not run “study.queue”. Try again, or restart Parallax.' })).toBe(
      'The app could not do that. Try again, or restart Parallax.',
    );
    expect(humanMessage({ code: 'INVALID_INPUT', message: 'Unknown operation “docs.frobnicate”.' })).not.toMatch(LEAKS);
  });

  it('drops internal ids, codes and raw exception text', () => {
    expect(humanMessage({ code: 'NOT_FOUND', message: 'No document with id b44e6ea7410dd368 is in the library.' })).toBe('This document is no longer in the library.');
    expect(humanMessage({ code: 'NOT_FOUND', message: 'No highlight with id 0f3a9c1d2b4e5f60 exists; it may have been deleted.' })).toBe(
      'This highlight no longer exists; it may have been deleted.',
    );
    expect(humanMessage({ code: 'NOT_FOUND', message: 'The document of this highlight (b44e6ea7410dd368) is no longer in the library, so it cannot be restored.' })).toBe(
      'The document of this highlight is no longer in the library, so it cannot be restored.',
    );
    expect(humanMessage({ code: 'INTERNAL', message: 'NOT_FOUND' })).toMatch(/^Something went wrong inside Parallax/);
    expect(humanMessage({ code: 'INTERNAL', message: 'SQLITE_BUSY: database is locked' })).toMatch(/^Something went wrong inside Parallax/);
    expect(humanMessage({ code: 'INTERNAL', message: 'report.txt could not be read: TypeError: x is undefined' })).toBe('report.txt could not be read');
    expect(humanMessage({ code: 'IO_ERROR', message: '' })).toMatch(/could not read or write/);
  });

  it('keeps messages that are already for people as they are', () => {
    for (const message of [
      'report.pdf looks like a PDF, which Parallax cannot import. Supported: .txt, .md, .html.',
      'briefing.txt is already in the library as “Briefing on the Bucharest meeting”.',
      'A note can hold up to 20,000 characters.',
      'The library at /home/a/lib.sqlite was written by a newer version of Parallax (schema 9; this version knows up to 8). Update Parallax to open it; the file has not been changed.',
    ]) {
      expect(humanMessage({ code: 'UNSUPPORTED_FILE', message })).toBe(message);
    }
  });

  it('is what toApiError gives for failures, plain objects and unknown throws', () => {
    expect(toApiError(new ApiFailure({ code: 'INVALID_INPUT', message: 'Invalid input (files: Array must contain at most 200 element(s)).' })).message).not.toMatch(LEAKS);
    expect(toApiError({ code: 'IO_ERROR', message: 'The app could not run “docs.list”. Try again, or restart Parallax.' }).message).not.toMatch(LEAKS);
    expect(toApiError(new Error('boom at Object.<anonymous> (file.js:1:1)'))).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/^Something went wrong/) });
  });
});
