import { Component, type ReactNode } from 'react';

/** One per panel: a failing panel shows its own error and never takes the call controls down with it. */
export class PanelBoundary extends Component<{ name: string; children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <section role="alert" className="panel error">
          {this.props.name} could not be shown: {this.state.error.message}
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </section>
      );
    }
    return this.props.children;
  }
}
