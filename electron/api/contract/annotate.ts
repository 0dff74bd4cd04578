import { op as _op } from './op.js';

// Operations of electron/core/annotate (filled in by that feature).
export const annotateContract = {} as const;
