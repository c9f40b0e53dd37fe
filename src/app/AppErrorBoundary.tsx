import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Last line of defence: a render error shows a message and a way back, never a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="m-8 rounded border border-red-300 bg-red-50 p-4 text-red-900">
        <p className="font-semibold">Something went wrong while drawing this view.</p>
        <pre className="mt-2 text-sm whitespace-pre-wrap">{this.state.error.message}</pre>
        <button type="button" className="mt-3 rounded bg-red-700 px-3 py-1 text-white" onClick={() => this.setState({ error: null })}>
          Retry
        </button>
      </div>
    );
  }
}
