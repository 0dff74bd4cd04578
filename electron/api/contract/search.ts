import { z } from 'zod';
import { op } from './op.js';
import type { SearchResponse, SearchStatus } from '../types.js';

export const searchContract = {
  'search.query': op<SearchResponse>()(
    z
      .object({
        query: z.string().max(10_000),
        limit: z.number().int().min(1).max(200).optional(),
        /** A newer request with the same channel cancels this one (search-as-you-type). */
        channel: z.string().max(64).optional(),
      })
      .strict(),
  ),
  'search.status': op<SearchStatus>()(z.object({}).strict()),
} as const;
