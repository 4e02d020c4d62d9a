import type { ReactNode } from "react";
import { Button } from "./button";
import { loadStateOf } from "./load-states-model";
import type { QueryLike } from "./load-states-model";

/** A list that failed to load: what, why, and a way to try again. */
export function LoadFailed({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-3 rounded-xl border border-danger/40 bg-danger/10 p-4 text-sm">
      <p className="text-danger">
        The {what} could not be loaded: {message}
      </p>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

/** The space a list takes while it loads (the status line beside it says so in words). */
export function LoadingBlock() {
  return <div className="h-40 animate-pulse rounded-xl border border-border bg-surface-muted motion-reduce:animate-none" aria-hidden="true" />;
}

/**
 * Below a paged list: why the next page failed, if it did, and "Load more" while
 * there is one (not while placeholder data from other filters is on screen).
 */
export function NextPageControls({ failure, showMore, loading, onLoadMore }: { failure: string | null; showMore: boolean; loading: boolean; onLoadMore: () => void }) {
  return (
    <>
      {failure !== null ? (
        <p role="alert" className="text-sm text-danger">
          The next page could not be loaded: {failure}
        </p>
      ) : null}
      {showMore ? (
        <div>
          <Button variant="secondary" loading={loading} onClick={onLoadMore}>
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** The line a screen reader hears while a panel loads; with `block`, the space the list will take below it. */
export function LoadingStatus({ children, block = false }: { children: ReactNode; block?: boolean }) {
  const line = (
    <p role="status" className="text-sm text-muted-foreground">
      {children}
    </p>
  );
  if (!block) return line;
  return (
    <div className="flex flex-col gap-3">
      {line}
      <LoadingBlock />
    </div>
  );
}

/** A loaded list with nothing in it: say what will appear here, and when. `boxed` for a page's main list. */
export function EmptyNote({ children, boxed = false }: { children: ReactNode; boxed?: boolean }) {
  return <p className={boxed ? "rounded-xl border border-dashed border-border p-6 text-center text-sm text-muted-foreground" : "text-sm text-muted-foreground"}>{children}</p>;
}

/**
 * A query panel's body, the same everywhere: the loading line (the panel's own words, or
 * "Loading the {what}…"), the failure with a Try again button, the empty note when `isEmpty`
 * says so, else `children` with the data. Which one is `loadStateOf`'s rule: data already on
 * screen stays when a refetch fails.
 */
export function QueryStates<T>({
  query,
  what,
  loading,
  block = false,
  isEmpty,
  empty = null,
  children,
}: {
  query: QueryLike<T> & { error: Error | null; refetch: () => unknown };
  /** What the panel lists, for "Loading the …" and "The … could not be loaded". */
  what: string;
  loading?: string;
  block?: boolean;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const state = loadStateOf(query, isEmpty);
  if (state === "loading") return <LoadingStatus block={block}>{loading ?? `Loading the ${what}…`}</LoadingStatus>;
  if (state === "failed") return <LoadFailed what={what} message={query.error?.message ?? "unknown error"} onRetry={() => void query.refetch()} />;
  // (data is there in both remaining states; the second test only tells TypeScript so)
  if (state === "empty" || query.data === undefined) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
