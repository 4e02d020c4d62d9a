"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { Time } from "@/components/ui/time";

const KEY = ["calendar-feed"] as const;

/**
 * The person's calendar (ICS) feed link (decision 0030). The server keeps only a hash, so the link
 * is shown once, right after it is made; "Reset link" makes a new one and the old one stops.
 */
export function CalendarFeed() {
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: KEY, queryFn: () => callEndpoint(api.getCalendarFeed) });
  const [url, setUrl] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: () => callEndpoint(api.resetCalendarFeed),
    onSuccess: async (answer) => {
      setUrl(answer.url);
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) => toast({ title: "Could not make the link", description: error.message, tone: "error" }),
  });
  const turnOff = useMutation({
    mutationFn: () => callEndpoint(api.deleteCalendarFeed),
    onSuccess: async () => {
      setUrl(null);
      await queryClient.invalidateQueries({ queryKey: KEY });
      toast({ title: "Calendar feed turned off", description: "Calendars subscribed to the old link stop updating.", tone: "success" });
    },
    onError: (error) => toast({ title: "Could not turn the feed off", description: error.message, tone: "error" }),
  });

  if (status.isError && !status.data) return <LoadFailed what="calendar feed" message={status.error.message} onRetry={() => void status.refetch()} />;
  if (status.isPending) return <LoadingStatus block>Loading the calendar feed…</LoadingStatus>;
  const enabled = status.data.enabled;

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      toast({ title: "Link copied", tone: "success" });
    } catch {
      toast({ title: "Could not copy", description: "Select the link and copy it yourself.", tone: "error" });
    }
  }

  return (
    <div className="flex flex-col gap-3 text-sm">
      {url ? (
        <div className="flex flex-col gap-2 rounded-md border border-border bg-surface-muted p-3">
          <Input label="Your private calendar link" readOnly value={url} onFocus={(event) => event.currentTarget.select()} hint="Shown only now: Cairn keeps no copy. Anyone with the link sees your due dates." />
          <div>
            <Button variant="secondary" size="sm" onClick={() => void copy(url)}>
              Copy link
            </Button>
          </div>
        </div>
      ) : enabled ? (
        <p>
          Your calendar feed is on (link made {status.data.createdAt ? <Time value={status.data.createdAt} /> : "earlier"}). The link is shown only when it is made: lost
          it? Reset it for a new one.
        </p>
      ) : (
        <p className="text-muted-foreground">Off. Make a link to subscribe to your due dates from your calendar app.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button loading={make.isPending} onClick={() => make.mutate()}>
          {enabled ? "Reset link" : "Make a calendar link"}
        </Button>
        {enabled ? (
          <Button variant="secondary" loading={turnOff.isPending} onClick={() => turnOff.mutate()}>
            Turn off
          </Button>
        ) : null}
      </div>
      {enabled && !url ? <p className="text-muted-foreground">Resetting stops the old link at once; calendars subscribed to it need the new one.</p> : null}
    </div>
  );
}
