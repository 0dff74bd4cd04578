import { op as _op } from './op.js';

// Operations of electron/core/study (filled in by that feature).
export const studyContract = {} as const;
