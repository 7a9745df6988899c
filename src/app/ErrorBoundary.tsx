/** Shows what went wrong instead of a blank screen. */
import { Component, type ComponentChildren } from 'preact';

interface Props {
  fallback(message: string): ComponentChildren;
  children: ComponentChildren;
}

export class ErrorBoundary extends Component<Props, { message: string | null }> {
  state = { message: null as string | null };

  componentDidCatch(error: unknown): void {
    this.setState({ message: error instanceof Error ? error.message : String(error) });
  }

  render() {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
