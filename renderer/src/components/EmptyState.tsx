import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  body?: ReactNode;
  action?: ReactNode;
  /** Heading level for the title (default 2: the title of a view's main content). */
  level?: 2 | 3;
}

export function EmptyState({ title, body, action, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <Heading className="empty-state-title">{title}</Heading>
      {body ? <div className="empty-state-body">{body}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
