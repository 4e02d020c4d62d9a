"use client";

import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";

/**
 * Around a part of a page whose code loads on demand (a chart behind `next/dynamic`): if its
 * chunk cannot be fetched — the connection dropped, or the server restarted at that moment — the
 * part says so and the rest of the page stays, instead of the page's error boundary replacing it
 * all (which also ended the page's live updates). The page's own data is not affected.
 */
export class LazyPartBoundary extends Component<{ what: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} could not be shown`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p role="status" className="text-sm text-muted-foreground">
        The {this.props.what} could not load (the connection dropped). Reload the page to see it; everything else here is up to date.
      </p>
    );
  }
}
