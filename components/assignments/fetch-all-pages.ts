/**
 * Every page of a cursor-paginated list, one request after another, for the
 * pickers that need the whole list (people and tracks in the filters and the
 * assign form). Bounded, so a huge organization costs a known number of requests;
 * `complete` says whether the bound cut the list short.
 */
export async function fetchAllPages<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>, maxPages: number): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (result.nextCursor === null) return { items, complete: true };
    cursor = result.nextCursor;
  }
  return { items, complete: false };
}
