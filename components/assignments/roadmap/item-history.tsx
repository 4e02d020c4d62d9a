"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyNote, QueryStates } from "@/components/ui/load-states";
import { fetchItemHistory, itemHistoryKey } from "./assignment-api";
import { historyLine } from "./history-line";
import { Time } from "@/components/ui/time";


/** The item's history, newest first; read when the panel opens and again after each saved change. */
export function ItemHistory({ slug, assignmentId, itemKey }: { slug: string; assignmentId: string; itemKey: string }) {
  const history = useQuery({ queryKey: itemHistoryKey(slug, assignmentId, itemKey), queryFn: () => fetchItemHistory(slug, assignmentId, itemKey), staleTime: 0 });

  return (
    <section aria-labelledby="item-history-heading" className="flex flex-col gap-2">
      <h3 id="item-history-heading" className="text-sm font-semibold">
        History
      </h3>
      <QueryStates query={history} what="history" isEmpty={(data) => data.items.length === 0} empty={<EmptyNote>No changes yet.</EmptyNote>}>
        {(data) => (
          <ol className="flex max-h-48 flex-col gap-1.5 overflow-y-auto text-sm">
            {data.items.map((entry, index) => (
              <li key={`${entry.at}-${index}`} className="flex flex-wrap gap-x-2">
                <Time value={entry.at} format="dateTime" className="text-muted-foreground tabular-nums" />
                <span>{historyLine(entry)}</span>
                <span className="text-muted-foreground">by {entry.actor ? (entry.actor.name ?? entry.actor.email) : "someone no longer here"}</span>
              </li>
            ))}
          </ol>
        )}
      </QueryStates>
    </section>
  );
}
