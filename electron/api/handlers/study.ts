import { studyContract } from '../contract/study.js';
import type { HandlerTable } from './types.js';

export const studyHandlers: HandlerTable<typeof studyContract> = {};
