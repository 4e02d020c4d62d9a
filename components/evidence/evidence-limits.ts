/**
 * The evidence endpoints' limits, spelled out so the page does not bundle the
 * server's markdown renderer; the unit test checks they match it.
 */
export const MAX_EVIDENCE_TEXT = 20_000;
export const MAX_EVIDENCE_LINK = 2048;
