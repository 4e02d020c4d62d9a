/**
 * The item endpoint's limits, spelled out so the page does not bundle the
 * server's schema module (its imports reach the roadmap parser); the unit test
 * checks they stay the same as lib/assignments/schema.ts.
 */
export const MAX_NOTE_LENGTH = 10_000;
export const MAX_LINKS = 20;
export const MAX_LINK_TITLE = 200;
export const MAX_LINK_URL = 2000;
export const MAX_REASON_LENGTH = 500;

/** An http:// or https:// address, as the server accepts for links; anything else (javascript:, data:) is never made a link. */
export function isWebAddress(value: string): boolean {
  const text = value.trim();
  return /^https?:\/\//i.test(text) && URL.canParse(text);
}
