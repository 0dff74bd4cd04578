import { compareContract } from '../contract/compare.js';
import type { HandlerTable } from './types.js';

export const compareHandlers: HandlerTable<typeof compareContract> = {};
