/**
 * All of an organization's data as one JSON document (GET …/export, owners; decision 0045):
 * what an owner keeps before deleting the organization, or takes elsewhere. Streamed like the
 * audit export: the body is a ReadableStream that reads the next batch only when the client
 * has taken the previous one, so memory holds one batch whatever the organization's size, and
 * a client that goes away stops the reading.
 *
 * Every read is scoped by the organization's id. Evidence files are listed by name, type and
 * size with their download path; their bytes are not inlined (a document of every upload would
 * be gigabytes): each downloads on its own, as long as the organization exists.
 * The export records itself first (`organization.exported`), as the audit export does.
 */
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/events";
import { readAuditBatch } from "@/lib/audit/audit-rows";
import { exportMarkdown } from "@/lib/tracks/export-version";
import { versionNodes } from "@/lib/tracks/read-version";
import type { OrgContext } from "./context";

/** Rows per statement for the long lists (assignments with their progress, evidence, comments). */
const BATCH = 200;

const person = { select: { id: true, name: true, email: true } } as const;

/** Keyset pages of one list by id: `read(after, limit)` returns rows ordered by id. */
async function* pages<Row extends { id: string }>(read: (after: string | undefined, limit: number) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await read(after, BATCH);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.id;
  }
}

const afterId = (after: string | undefined) => (after ? { id: { gt: after } } : {});

/** A version's outline as Markdown, or null when a node cannot be written so (its `nodes` hold everything). */
function outlineOf(title: string, nodes: Parameters<typeof exportMarkdown>[1]): string | null {
  try {
    return exportMarkdown(title, nodes);
  } catch {
    return null;
  }
}

/** The document's parts in order: each yields JSON values, written as one array. */
function sections(organizationId: string, slug: string, upTo: bigint): Array<[string, () => AsyncGenerator<unknown[]>]> {
  const db = getDb();
  return [
    [
      "members",
      async function* () {
        yield await db.membership.findMany({
          where: { organizationId, user: { serviceAccount: false } },
          orderBy: { createdAt: "asc" },
          select: { role: true, status: true, createdAt: true, user: person },
        });
      },
    ],
    [
      "invitations",
      async function* () {
        yield await db.invitation.findMany({
          where: { organizationId },
          orderBy: { createdAt: "asc" },
          select: { email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
        });
      },
    ],
    [
      "tracks",
      async function* () {
        const tracks = await db.track.findMany({
          where: { organizationId },
          orderBy: { createdAt: "asc" },
          select: { id: true, title: true, description: true, createdAt: true, archivedAt: true, versions: { orderBy: { number: "asc" }, select: { id: true, number: true, status: true, publishedAt: true, createdAt: true } } },
        });
        // One track (all its versions' nodes) per chunk.
        for (const { versions, ...track } of tracks) {
          const written = [];
          for (const { id, ...version } of versions) {
            const nodes = await versionNodes(organizationId, id);
            written.push({ ...version, outline: outlineOf(track.title, nodes), nodes });
          }
          yield [{ ...track, versions: written }];
        }
      },
    ],
    [
      "assignments",
      async function* () {
        yield* pages(async (after, limit) => {
          const rows = await db.assignment.findMany({
            where: { organizationId, ...afterId(after) },
            orderBy: { id: "asc" },
            take: limit,
            select: {
              id: true,
              status: true,
              startDate: true,
              dueDate: true,
              completedAt: true,
              archivedAt: true,
              skippedKeys: true,
              createdAt: true,
              track: { select: { id: true, title: true } },
              version: { select: { number: true } },
              assignee: person,
              mentors: { select: { mentor: person } },
              progress: { where: { organizationId }, orderBy: { stableKey: "asc" }, select: { stableKey: true, state: true, notApplicableReason: true, note: true, links: true, updatedAt: true } },
            },
          });
          return rows.map(({ mentors, ...row }) => ({ ...row, mentors: mentors.map((link) => link.mentor) }));
        });
      },
    ],
    [
      "evidence",
      async function* () {
        yield* pages(async (after, limit) => {
          const rows = await db.evidenceAttempt.findMany({
            where: { organizationId, ...afterId(after) },
            orderBy: { id: "asc" },
            take: limit,
            select: {
              id: true,
              assignmentId: true,
              stableKey: true,
              number: true,
              status: true,
              link: true,
              note: true,
              submittedAt: true,
              submittedBy: person,
              reviewedAt: true,
              reviewedBy: person,
              reviewComment: true,
              files: { where: { organizationId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, mime: true, size: true, createdAt: true } },
            },
          });
          return rows.map((row) => ({ ...row, files: row.files.map((file) => ({ ...file, download: `/api/v1/o/${slug}/evidence/files/${file.id}` })) }));
        });
      },
    ],
    [
      "comments",
      async function* () {
        yield* pages((after, limit) =>
          db.itemComment.findMany({
            where: { organizationId, deletedAt: null, ...afterId(after) },
            orderBy: { id: "asc" },
            take: limit,
            select: { id: true, assignmentId: true, stableKey: true, body: true, createdAt: true, editedAt: true, author: person },
          }),
        );
      },
    ],
    [
      "auditLog",
      async function* () {
        let before: bigint | null = null;
        do {
          const batch = await readAuditBatch(organizationId, {}, { before, upTo, limit: getConfig().AUDIT_EXPORT_BATCH_SIZE });
          if (batch.entries.length > 0) yield batch.entries;
          before = batch.nextBefore;
        } while (before !== null);
      },
    ],
  ];
}

/** The document, piece by piece: `{"organization": …, "members": [ … ], …}`. */
async function* documentChunks(head: Record<string, unknown>, parts: Array<[string, () => AsyncGenerator<unknown[]>]>): AsyncGenerator<string> {
  yield `{\n${Object.entries(head)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(",\n")}`;
  for (const [name, read] of parts) {
    yield `,\n${JSON.stringify(name)}: [`;
    let first = true;
    for await (const rows of read()) {
      if (rows.length === 0) continue;
      yield (first ? "\n" : ",\n") + rows.map((row) => JSON.stringify(row)).join(",\n");
      first = false;
    }
    yield "\n]";
  }
  yield "\n}\n";
}

export async function exportOrganization(ctx: OrgContext): Promise<Response> {
  const organizationId = ctx.organization.id;
  const recorded = await getDb().$transaction((tx) =>
    recordEvent(tx, { organizationId, type: "organization.exported", actorId: ctx.user.id, subjectType: "organization", subjectId: organizationId, payload: {} }),
  );
  const organization = await getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, slug: true, name: true, stuckAfterDays: true, reviewTargetDays: true, dueSoonDays: true, createdAt: true },
  });
  const head = {
    format: "cairn.organization-export/1",
    exportedAt: recorded.createdAt,
    filesNote: "Evidence files are listed with their download paths; download each while the organization exists. Deleting the organization deletes them.",
    organization,
  };
  const chunks = documentChunks(head, sections(organizationId, organization.slug, recorded.sequence));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) {
            controller.close();
            ctx.log.info({ organizationId }, "organization exported");
          } else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The headers have gone: the client sees a cut-off file (invalid JSON), the log says why.
          ctx.log.error({ err: error, organizationId }, "organization export failed mid-stream");
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
        ctx.log.info({ organizationId }, "organization export abandoned by the client");
      },
    },
    { highWaterMark: 0 },
  );
  const day = recorded.createdAt.toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="cairn-${organization.slug}-export-${day}.json"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
