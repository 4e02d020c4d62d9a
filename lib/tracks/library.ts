/**
 * The built-in library: tracks every organization can start from. Their text ships
 * with the code (lib/outline/seed), so each is read and parsed once per process and
 * kept in memory; they never change while the server runs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseOutline, outlineStats } from "@/lib/outline";
import type { OutlineStats } from "@/lib/outline";
import type { LibraryId } from "./library-ids";

interface LibraryEntry {
  id: LibraryId;
  title: string;
  description: string;
  file: string;
}

const ENTRIES: readonly LibraryEntry[] = [
  {
    id: "python-backend-roadmap",
    title: "Python Backend Roadmap",
    description: "From Python fundamentals to production backends: web frameworks, databases, testing, deployment and operations.",
    file: "python-backend-roadmap.txt",
  },
  {
    id: "first-week",
    title: "First week at a software company",
    description: "A new engineer's first five days: accounts, laptop, running the code, a first pull request, people to meet, and shadowing on-call.",
    file: "first-week.txt",
  },
  {
    id: "frontend-foundations",
    title: "Frontend foundations",
    description: "HTML semantics, CSS layout, accessibility, JavaScript and TypeScript, React, testing and performance.",
    file: "frontend-foundations.txt",
  },
  {
    id: "on-call-readiness",
    title: "On-call readiness",
    description: "Before carrying the pager: alerts, runbooks, dashboards, incident roles, postmortems and shadow shifts.",
    file: "on-call-readiness.txt",
  },
  {
    id: "security-basics",
    title: "Security basics",
    description: "Secrets, authentication, the OWASP Top 10, dependencies, least privilege, and how to report a problem.",
    file: "security-basics.txt",
  },
];

export interface LibraryTrack extends Omit<LibraryEntry, "file"> {
  text: string;
  stats: OutlineStats;
}

const SEED_DIR = path.join(process.cwd(), "lib", "outline", "seed");
const loaded = new Map<LibraryId, LibraryTrack>();

export function libraryTrack(id: LibraryId): LibraryTrack {
  const cached = loaded.get(id);
  if (cached) return cached;
  const entry = ENTRIES.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`unknown library track ${id}`);
  const text = readFileSync(path.join(SEED_DIR, entry.file), "utf8");
  const parsed = parseOutline(text);
  // A shipped file that does not parse is a bug in the release, not a user error.
  if (!parsed.ok) throw new Error(`library track ${id} does not parse: ${parsed.errors[0]?.message}`);
  const { file: _file, ...rest } = entry;
  const track = { ...rest, text, stats: outlineStats(parsed.document) };
  loaded.set(id, track);
  return track;
}

export function listLibrary() {
  return {
    items: ENTRIES.map((entry) => {
      const { id, title, description, stats } = libraryTrack(entry.id);
      return { id, title, description, counts: { sections: stats.sections, topics: stats.topics, items: stats.items, optional: stats.optionalItems } };
    }),
  };
}
