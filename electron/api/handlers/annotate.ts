import { annotateContract } from '../contract/annotate.js';
import type { HandlerTable } from './types.js';

export const annotateHandlers: HandlerTable<typeof annotateContract> = {};
