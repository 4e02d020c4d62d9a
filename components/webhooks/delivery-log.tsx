"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyNote, LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { deliveriesKey } from "./types";
import type { Delivery } from "./types";
import { Time } from "@/components/ui/time";

const STATUS_WORDS: Record<Delivery["status"], string> = { PENDING: "Waiting", SUCCEEDED: "Delivered", DEAD: "Given up" };
const STATUS_TONE: Record<Delivery["status"], string> = {
  PENDING: "bg-surface-muted text-foreground",
  SUCCEEDED: "bg-success/15 text-success",
  DEAD: "bg-danger/15 text-danger",
};

const time = (value: string | null) => (value ? <Time value={value} format="dateTime" /> : "—");

/** An endpoint's deliveries, newest first, refreshed every 2 s while one waits; "Redeliver" on the finished ones. */
export function DeliveryLog({ slug, endpointId, enabled }: { slug: string; endpointId: string; enabled: boolean }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const key = deliveriesKey(slug, endpointId);
  const log = useQuery({
    queryKey: key,
    queryFn: (): Promise<{ items: Delivery[]; nextBefore: number | null }> => callEndpoint(api.listWebhookDeliveries, { params: { orgSlug: slug, endpointId }, query: { limit: 50 } }),
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === "PENDING") ? 2_000 : false),
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string): Promise<Delivery> => callEndpoint(api.redeliverWebhook, { params: { orgSlug: slug, endpointId, deliveryId } }),
    onSuccess: () => {
      toast({ tone: "success", title: "Queued again" });
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => toast({ tone: "error", title: "Not redelivered", description: error instanceof ApiError ? error.message : "Try again." }),
  });

  if (log.isPending) return <LoadingStatus>Loading deliveries…</LoadingStatus>;
  if (log.isError) return <LoadFailed what="deliveries" message={log.error.message} onRetry={() => void log.refetch()} />;
  if (log.data.items.length === 0) return <EmptyNote>No deliveries yet. Send a test event, or wait for the next event of the chosen types.</EmptyNote>;

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Delivery log">
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Event</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 pr-3 font-medium">Response</th>
            <th scope="col" className="py-2 pr-3 font-medium">Attempts</th>
            <th scope="col" className="py-2 pr-3 font-medium">Next retry</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {log.data.items.map((delivery) => (
            <tr key={delivery.id} className="border-t border-border align-top" data-testid="delivery-row">
              <td className="py-2 pr-3">
                <span className="font-mono text-xs">{delivery.eventType}</span>
                {delivery.eventSequence !== null ? <span className="block text-xs text-muted-foreground">#{delivery.eventSequence}</span> : null}
                <span className="block text-xs text-muted-foreground">{time(delivery.createdAt)}</span>
              </td>
              <td className="py-2 pr-3">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[delivery.status]}`}>{STATUS_WORDS[delivery.status]}</span>
                {delivery.lastError ? <span className="mt-1 block max-w-xs text-xs break-words text-danger">{delivery.lastError}</span> : null}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">
                {delivery.responseStatus !== null ? `HTTP ${delivery.responseStatus}` : "—"}
                {delivery.responseTimeMs !== null ? <span className="block text-xs text-muted-foreground">{delivery.responseTimeMs} ms</span> : null}
              </td>
              <td className="py-2 pr-3">{delivery.attempts}</td>
              <td className="py-2 pr-3 text-xs">{delivery.status === "PENDING" && delivery.attempts > 0 ? time(delivery.nextAttemptAt) : "—"}</td>
              <td className="py-2 text-right">
                {delivery.status !== "PENDING" ? (
                  <Button size="sm" variant="secondary" disabled={!enabled} loading={redeliver.isPending && redeliver.variables === delivery.id} onClick={() => redeliver.mutate(delivery.id)}>
                    Redeliver
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
