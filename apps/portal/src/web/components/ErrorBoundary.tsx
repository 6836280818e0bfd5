/** Catches a page that throws while rendering, so the portal shows the error instead of a blank page. */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { toProblem } from "../lib/problem";
import { ProblemBox } from "./ui";

interface Props {
  children: ReactNode;
  /** Changing it (the path) clears the error. */
  resetKey: string;
}

interface State {
  failure: { error: unknown } | null;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failure: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failure: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("portal page crashed", error, info.componentStack);
  }

  override render() {
    if (this.state.failure === null) return this.props.children;
    return <ProblemBox problem={toProblem(this.state.failure.error)} onRetry={() => this.setState({ failure: null })} />;
  }
}
