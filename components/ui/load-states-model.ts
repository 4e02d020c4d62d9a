/**
 * What a query panel shows. Data on screen wins: a background refetch that fails
 * keeps the last answer (the next live event or retry replaces it) rather than
 * swapping a list the reader is using for an error; the error shows only when
 * there is nothing to show instead.
 */
export type LoadState = "loading" | "failed" | "empty" | "ready";

export interface QueryLike<T> {
  data: T | undefined;
  isError: boolean;
}

export function loadStateOf<T>(query: QueryLike<T>, isEmpty: (data: T) => boolean = () => false): LoadState {
  if (query.data !== undefined) return isEmpty(query.data) ? "empty" : "ready";
  return query.isError ? "failed" : "loading";
}
