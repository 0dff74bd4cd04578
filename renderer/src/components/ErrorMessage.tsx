import type { ApiError } from '@contract';
import { toApiError } from '../api/errors';
import { Button } from './Button';

export interface ErrorMessageProps {
  error: ApiError | Error | unknown;
  title?: string;
  retry?: () => void;
}

/** A failure as a sentence a person can act on, with an optional retry. */
export function ErrorMessage({ error, title, retry }: ErrorMessageProps) {
  const e = toApiError(error);
  return (
    <div className="error-message" role="alert">
      <p className="error-message-title">{title ?? 'That did not work'}</p>
      <p className="error-message-body">{e.message}</p>
      {retry ? (
        <Button size="sm" onClick={retry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
