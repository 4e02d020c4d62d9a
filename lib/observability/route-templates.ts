/**
 * Maps a request path to the template of the app-directory route that serves it
 * (/o/acme/tracks/cl9x… → /o/{orgSlug}/tracks/{trackId}), for metric labels: a raw
 * path carries ids and tokens, and every distinct value would be a new time series.
 * Built once from the app directory's page and route files, with Next.js's rules:
 * (groups) and _private folders are not segments, @slots are skipped, and at each
 * segment a static name wins over [param], which wins over [...catchAll]. Paths no
 * file serves are a fixed prefix (/_next/static, /_next/image, /_next) or "other".
 */
import { readdirSync } from "node:fs";
import path from "node:path";

interface Node {
  statics: Map<string, Node>;
  param?: Node;
  catchAll?: string;
  optionalCatchAll?: string;
  label?: string;
}

export type RouteTemplateMatcher = (pathname: string) => string;

const newNode = (): Node => ({ statics: new Map() });

/** Route and page files under `appDir`, as segment lists (["o", "[orgSlug]", "tracks"]). */
function routeSegments(appDir: string, prefix: string[] = []): string[][] {
  let entries;
  try {
    entries = readdirSync(appDir, { withFileTypes: true });
  } catch {
    return []; // no app directory (a deployment without sources): every page is "other"
  }
  const found: string[][] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      const name = entry.name;
      if (name.startsWith("_") || name.startsWith("@")) continue;
      const segment = name.startsWith("(") && name.endsWith(")") ? [] : [name];
      found.push(...routeSegments(path.join(appDir, name), [...prefix, ...segment]));
    } else if (/^(page|route)\.(tsx?|jsx?|mdx?)$/.test(entry.name)) {
      found.push(prefix);
    }
  }
  return found;
}

function templateOf(segments: string[]): string {
  const shown = segments.map((segment) => {
    const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(segment);
    if (catchAll) return `{${catchAll[1]}*}`;
    const param = /^\[(\w+)\]$/.exec(segment);
    return param ? `{${param[1]}}` : segment;
  });
  return `/${shown.join("/")}`;
}

export function buildRouteTemplateMatcher(routes: string[][]): RouteTemplateMatcher {
  const root = newNode();
  for (const segments of routes) {
    const label = templateOf(segments);
    let node = root;
    for (const segment of segments) {
      // Nothing may follow a catch-all: it ends the route.
      if (/^\[\[\.\.\.\w+\]\]$/.test(segment)) {
        node.optionalCatchAll ??= label;
        break;
      }
      if (/^\[\.\.\.\w+\]$/.test(segment)) {
        node.catchAll ??= label;
        break;
      }
      if (/^\[\w+\]$/.test(segment)) {
        node = node.param ??= newNode();
      } else {
        let next = node.statics.get(segment);
        if (!next) node.statics.set(segment, (next = newNode()));
        node = next;
      }
    }
    if (!segments.some((segment) => segment.startsWith("[..") || segment.startsWith("[[.."))) node.label ??= label;
  }

  function match(node: Node, segments: string[], index: number): string | undefined {
    if (index === segments.length) return node.label ?? node.optionalCatchAll;
    const segment = segments[index]!;
    const viaStatic = node.statics.get(segment);
    const found = (viaStatic && match(viaStatic, segments, index + 1)) ?? (node.param && match(node.param, segments, index + 1));
    return found ?? node.catchAll ?? node.optionalCatchAll;
  }

  return (pathname) => {
    if (pathname.startsWith("/_next/")) {
      if (pathname.startsWith("/_next/static/")) return "/_next/static";
      if (pathname.startsWith("/_next/image")) return "/_next/image";
      return "/_next";
    }
    const segments = pathname.split("/").filter(Boolean);
    return match(root, segments, 0) ?? "other";
  };
}

/** The matcher for the app directory under the working directory (server.ts runs from the project). */
export function routeTemplateMatcher(appDir = path.resolve("app")): RouteTemplateMatcher {
  return buildRouteTemplateMatcher(routeSegments(appDir));
}
