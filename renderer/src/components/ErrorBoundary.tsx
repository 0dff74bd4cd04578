import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './Button';

interface Props {
  children: ReactNode;
  /** Changing this resets the boundary (e.g. the route, so navigating away recovers). */
  resetKey?: unknown;
  label?: string;
}

interface State {
  failed: boolean;
  /** The view's code could not be loaded (the app was rebuilt or updated while open). */
  stale: boolean;
  resetKey: unknown;
}

const STALE_CHUNK = /dynamically imported module|Importing a module script failed|error loading dynamically/i;

/** Keeps a crash in one view from blanking the app: shows a message and a way back. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, stale: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, stale: STALE_CHUNK.test(String((error as Error)?.message ?? error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, stale: false, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is for developers; the person sees the message below.
    console.error('[parallax] view crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    if (this.state.stale) {
      return (
        <div className="error-message error-boundary" role="alert">
          <p className="error-message-title">Parallax was updated while it was open</p>
          <p className="error-message-body">Reload to continue. Your library has not been changed.</p>
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      );
    }
    return (
      <div className="error-message error-boundary" role="alert">
        <p className="error-message-title">{this.props.label ?? 'This view'} ran into a problem</p>
        <p className="error-message-body">Your library has not been changed. Try again, or go back to the library.</p>
        <div className="row">
          <Button variant="primary" onClick={() => this.setState({ failed: false })}>
            Try again
          </Button>
          <Button onClick={() => (window.location.hash = '#/library')}>Go to the library</Button>
        </div>
      </div>
    );
  }
}
