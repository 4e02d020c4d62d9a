import { Button } from "./button";

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
