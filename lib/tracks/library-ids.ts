/** Ids of the built-in tracks every organization can start from (see library.ts). */
export const LIBRARY_IDS = ["python-backend-roadmap", "first-week", "frontend-foundations", "on-call-readiness", "security-basics"] as const;

export type LibraryId = (typeof LIBRARY_IDS)[number];
