export { api, createApi, transport, takeTokenFromLocation } from './client';
export { ApiFailure, unwrap, toApiError } from './errors';
export { notifyChanged, onChanged } from './changes';
export { useResult, type ResultState } from './useResult';
export type { ApiError, ErrorCode, Result } from '@contract';
