import { op as _op } from './op.js';

// Operations of electron/core/compare (filled in by that feature).
export const compareContract = {} as const;
