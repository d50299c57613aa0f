import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names the screen in the message, e.g. "The study screen". */
  readonly area: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** One per screen, so a broken screen never blanks the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="notice notice--error">
        <p>
          {this.props.area} hit an unexpected problem: {error.message}. Your saved progress is not affected.
        </p>
        <p>
          <a href="#/" onClick={() => this.setState({ error: null })}>Go to your decks</a>
        </p>
      </div>
    );
  }
}
