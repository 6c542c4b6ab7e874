import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode };
type State = { error?: Error };

/** Shows a message instead of a blank page when a view fails to render. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div role="alert" className="error-box">
          <h2>Something went wrong in this view</h2>
          <p>{this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
