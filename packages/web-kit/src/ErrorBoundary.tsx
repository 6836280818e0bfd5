/** Catches a page that throws while rendering, so the UI shows the error instead of a blank page. */
import { Component, type ContextType, type ErrorInfo, type ReactNode } from "react";
import { toProblem } from "./problem.js";
import { ProblemTextsContext } from "./problem-texts.js";
import { ProblemBox } from "./ui.js";

interface Props {
  children: ReactNode;
  /** Changing it (the page id, the path) clears the error. */
  resetKey: string;
  /** Names the UI in the console log: "console" → "console page crashed". */
  label: string;
}

interface State {
  failure: { error: unknown } | null;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  static override contextType = ProblemTextsContext;
  declare context: ContextType<typeof ProblemTextsContext>;
  override state: State = { failure: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failure: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`${this.props.label} page crashed`, error, info.componentStack);
  }

  override render() {
    if (this.state.failure === null) return this.props.children;
    return <ProblemBox problem={toProblem(this.state.failure.error, this.context)} onRetry={() => this.setState({ failure: null })} />;
  }
}
