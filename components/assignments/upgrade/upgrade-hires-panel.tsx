"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { errorMessage } from "../roadmap/assignment-api";
import { changeSummary, fetchUpgradeCandidates, upgradeCandidatesKey, upgradeHires } from "./upgrade-api";
import type { TrackUpgradeResultJson } from "./upgrade-api";

const personName = (person: { name: string | null; email: string } | null) => (person ? person.name?.trim() || person.email : "Unknown assignment");

const OUTCOME_WORDS: Record<TrackUpgradeResultJson["results"][number]["outcome"], string> = {
  upgraded: "Upgraded",
  not_found: "Not found",
  conflict: "Not upgraded",
  failed: "Failed",
};

/**
 * "Upgrade hires" on the track page (managers): every active hire on an older
 * version, what would change for each, and one button for all chosen. Each hire is
 * upgraded on its own on the server; the summary says what happened to each.
 */
export function UpgradeHiresPanel({ slug, trackId }: { slug: string; trackId: string }) {
  const queryClient = useQueryClient();
  const candidates = useQuery({ queryKey: upgradeCandidatesKey(slug, trackId), queryFn: () => fetchUpgradeCandidates(slug, trackId) });
  // Unticked hires; everyone listed starts chosen.
  const [left, setLeft] = useState<ReadonlySet<string>>(() => new Set());
  const [summary, setSummary] = useState<TrackUpgradeResultJson | null>(null);
  const apply = useMutation({
    mutationFn: (body: { toVersionNumber: number; assignmentIds: string[] }) => upgradeHires(slug, trackId, body),
    onSuccess: async (result) => {
      setSummary(result);
      setLeft(new Set());
      await queryClient.invalidateQueries({ queryKey: upgradeCandidatesKey(slug, trackId) });
    },
  });

  let body;
  if (candidates.isPending) {
    body = <LoadingStatus block>Loading the hires on older versions…</LoadingStatus>;
  } else if (candidates.isError) {
    body = <LoadFailed what="hires on older versions" message={candidates.error.message} onRetry={() => void candidates.refetch()} />;
  } else if (!candidates.data.latest || candidates.data.assignments.length === 0) {
    body = <p className="text-sm text-muted-foreground">{candidates.data.latest ? `Every active hire is on version ${candidates.data.latest.number}, the latest.` : "No version is published yet."}</p>;
  } else {
    const { latest, assignments } = candidates.data;
    const chosen = assignments.filter((entry) => !left.has(entry.id));
    const toggle = (id: string) =>
      setLeft((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    body = (
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setSummary(null);
          apply.mutate({ toVersionNumber: latest.number, assignmentIds: chosen.map((entry) => entry.id) });
        }}
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm text-muted-foreground">
            {assignments.length} {assignments.length === 1 ? "hire is" : "hires are"} on an older version than {latest.number}. Progress on renamed and moved items stays; progress on
            removed items is archived, never deleted.
          </legend>
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" onClick={() => setLeft(new Set())}>
              Choose all
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setLeft(new Set(assignments.map((entry) => entry.id)))}>
              Choose none
            </Button>
          </div>
          <ul className="flex flex-col gap-2">
            {assignments.map((entry) => {
              const id = `upgrade-${entry.id}`;
              return (
                <li key={entry.id} className="flex items-start gap-3 rounded-md border border-border px-3 py-2 text-sm">
                  <input id={id} type="checkbox" className="mt-1" checked={!left.has(entry.id)} onChange={() => toggle(entry.id)} />
                  <label htmlFor={id} className="flex flex-col gap-0.5">
                    <span className="font-medium">
                      {personName(entry.assignee)} · v{entry.from.number} → v{latest.number}
                    </span>
                    <span className="text-muted-foreground">
                      {changeSummary(entry.changes)}. Progress: {entry.progress.kept} kept
                      {entry.progress.archived.length > 0 ? `, ${entry.progress.archived.length} archived (${entry.progress.archived.map((item) => item.title).join(", ")})` : ""}
                      {entry.progress.restored > 0 ? `, ${entry.progress.restored} restored` : ""}.
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div>
          <Button type="submit" loading={apply.isPending} disabled={chosen.length === 0}>
            Upgrade {chosen.length} {chosen.length === 1 ? "hire" : "hires"} to version {latest.number}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <section aria-labelledby="upgrade-hires-heading" className="flex flex-col gap-3">
      <h2 id="upgrade-hires-heading" className="text-lg font-semibold">
        Upgrade hires
      </h2>
      {summary ? <UpgradeSummary summary={summary} /> : null}
      {apply.isError ? <FormAlert>Nobody was upgraded: {errorMessage(apply.error)}</FormAlert> : null}
      {body}
    </section>
  );
}

function UpgradeSummary({ summary }: { summary: TrackUpgradeResultJson }) {
  return (
    <div role="status" aria-label="Upgrade results" className="flex flex-col gap-2 rounded-xl border border-border bg-surface-muted p-4 text-sm">
      <p className="font-medium">
        {summary.upgraded} upgraded{summary.failed > 0 ? `, ${summary.failed} not upgraded` : ""}.
      </p>
      <ul className="flex flex-col gap-1">
        {summary.results.map((result) => (
          <li key={result.assignmentId} className={result.outcome === "upgraded" ? "" : "text-danger"}>
            <span className="font-medium">{OUTCOME_WORDS[result.outcome]}</span>: {personName(result.assignee)}
            {result.outcome === "upgraded" && result.from && result.to && result.progress
              ? ` — v${result.from.number} → v${result.to.number}, ${result.progress.kept} progress kept, ${result.progress.archived} archived`
              : ` — ${result.message ?? ""}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
