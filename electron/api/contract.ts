import type { z } from 'zod';
import { libraryContract } from './contract/library.js';
import { searchContract } from './contract/search.js';
import { compareContract } from './contract/compare.js';
import { annotateContract } from './contract/annotate.js';
import { studyContract } from './contract/study.js';
import type { Result } from './result.js';

/**
 * Every operation the renderer may call: name -> input schema -> output type.
 * The Electron preload, the browser host, the CLI and the renderer's api client all derive
 * from this one table. A feature adds its own table in ./contract/ and spreads it in here.
 */
export const contract = {
  ...libraryContract,
  ...searchContract,
  ...compareContract,
  ...annotateContract,
  ...studyContract,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract & string;
export type OpInput<N extends OpName> = z.input<Contract[N]['input']>;
export type OpParsedInput<N extends OpName> = z.output<Contract[N]['input']>;
export type OpOutput<N extends OpName> = NonNullable<Contract[N]['__output']>;
export type OpResult<N extends OpName> = Result<OpOutput<N>>;

/** Whether a string names an operation of the contract (the browser host's and CLI's check). */
export const isOpName = (name: string): name is OpName => Object.hasOwn(contract, name);

export const OP_NAMES: readonly OpName[] = Object.keys(contract).filter(isOpName);

/** IPC channel for an operation: the only place channel names are made. */
export const channelFor = (name: OpName): string => `parallax:${name}`;

/** The api every transport exposes: one async method per operation. */
export type ParallaxApi = { [N in OpName]: (input: OpInput<N>) => Promise<OpResult<N>> };

export type { Result, ApiError, ErrorCode } from './result.js';
export { ErrorCodeSchema, ERROR_CODES } from './contract/errors.js';
export { HIGHLIGHT_COLORS, isHighlightColor, type HighlightColor } from '../common/highlight-colors.js';
export type * from './types.js';
/** The cloze blank marker, one definition (contract/study.ts). */
export { BLANK } from './contract/study.js';
export { IMPORT_EXTENSIONS, IMPORT_TYPES_SENTENCE } from './contract/library.js';
