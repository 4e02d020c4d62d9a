/** The tracks API's JSON as the browser receives it (dates arrive as ISO strings). */
export interface VersionSummaryJson {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: string | null;
  createdAt: string;
  counts: { sections: number; topics: number; items: number };
}

export interface TrackSummaryJson {
  id: string;
  title: string;
  description: string | null;
  createdAt: string;
  latestVersion: VersionSummaryJson | null;
}

export interface TrackPageJson {
  items: TrackSummaryJson[];
  nextCursor: string | null;
}

/** One row of an outline: enough to draw the tree, whether it came from a preview or a stored version. */
export interface OutlineNode {
  kind: "SECTION" | "ITEM";
  depth: number;
  title: string;
  optional: boolean;
  /** A stored item's links, shown with it. */
  resources?: ReadonlyArray<{ title?: string; url: string }>;
  /** A previewed item's number of links. */
  links?: number;
}

export interface ImportPreviewJson {
  ok: boolean;
  /** The format the text was read in, and whether it was detected rather than chosen. */
  format: "text" | "markdown";
  detected: boolean;
  title: string | null;
  errors: Array<{ line: number; column: number; code: string; message: string }>;
  /** Every repair made; `repairs` lists the first 1,000 by line. */
  repairCount: number;
  repairs: Array<{ line: number; column?: number; kind: string; message: string; before: string; after: string }>;
  warnings: Array<{ line: number; code: string; message: string }>;
  stats: { sections: number; topics: number; items: number; optional: number; maxDepth: number } | null;
  tree: Array<OutlineNode & { line: number }>;
}
