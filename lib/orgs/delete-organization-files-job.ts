/**
 * The files of a deleted organization (decision 0045): the deletion's transaction
 * enqueues this job, so the pending file deletion is recorded durably with the rows'
 * deletion (it commits with them, or neither happens). The job removes every file
 * under the organization's key prefix, orphans of failed uploads included, and is safe
 * to run again. It retries for about a day; after that it waits in its dead-letter queue
 * for a person (cairn_jobs_dead_lettered_total alerts), never silently dropped.
 */
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { getStorage } from "@/lib/storage";

/** Where an organization's evidence files live: lib/evidence/evidence-files.ts makes keys under it. */
export function evidencePrefixOf(organizationId: string): string {
  return `evidence/${organizationId}`;
}

/**
 * A second run an hour later: an upload that was being written while the organization
 * was deleted fails its transaction and discards its file, but a process that died
 * between the two would leave one behind.
 */
export const SECOND_SWEEP_SECONDS = 3600;

export const deleteOrganizationFilesJob = defineJob({
  name: "orgs.delete-files",
  payload: z.strictObject({ organizationId: z.string().min(1), slug: z.string() }),
  retry: { limit: 12, delaySeconds: 60, backoff: true, maxDelaySeconds: 4 * 3600 },
  async handler({ organizationId, slug }, { log }) {
    const removed = await getStorage().deletePrefix(evidencePrefixOf(organizationId));
    log.info({ organizationId, slug, removed }, "deleted organization's files removed from storage");
  },
});
