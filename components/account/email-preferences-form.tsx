"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { LoadFailed } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

type Switch = "evidenceSubmitted" | "reviewDone" | "reviewDigest" | "assigned" | "dueSoon" | "overdue" | "stuck" | "nudge" | "weeklySummary";
type Preferences = Record<Switch, boolean> & { timeZone: string };

const KINDS: Array<{ key: Switch; label: string; hint: string }> = [
  { key: "evidenceSubmitted", label: "Evidence to review", hint: "As a mentor: what your mentees submit, at most one email every 10 minutes." },
  { key: "reviewDigest", label: "Daily digest", hint: "As a mentor: each morning, what has waited more than a day for your review." },
  { key: "reviewDone", label: "Reviews of my evidence", hint: "As a new hire: when a mentor approves or asks for changes." },
  { key: "assigned", label: "Tracks assigned", hint: "When you are assigned a track, or made the mentor of one." },
  { key: "nudge", label: "Nudges", hint: "When a manager or your mentor sends you a nudge." },
  { key: "weeklySummary", label: "Weekly summary", hint: "As an owner or admin: each Monday, who finished, who is stuck or overdue, reviews waiting, forecast slips." },
];

const REMINDERS: Array<{ key: Switch; label: string; hint: string }> = [
  { key: "dueSoon", label: "Due soon", hint: "Before a track you hold or mentor is due (your organization sets how many days before)." },
  { key: "overdue", label: "Overdue", hint: "The day after a track is overdue, then weekly." },
  { key: "stuck", label: "Stuck", hint: "When a hire has had no activity, or one item in progress, for longer than your organization's threshold." },
];

/** Every zone the browser knows (the server checks the same IANA names), UTC first. */
const zoneNames = () => ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

const KEY = ["email-preferences"] as const;

/** One checkbox per kind of email; each change saves at once (and is undone on screen if the server refuses). */
export function EmailPreferencesForm() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const preferences = useQuery({ queryKey: KEY, queryFn: (): Promise<Preferences> => callEndpoint(api.getEmailPreferences) });
  // A box shows its click at once, from this state set in the click's own event: a controlled
  // checkbox whose value came only from the query cache was put back by React when the event
  // ended and flipped again a task later, when the cache told React (TanStack Query notifies
  // with setTimeout 0): a test reading the box in between saw no change. A box's entry goes once
  // its save is answered.
  const [clicked, setClicked] = useState<Partial<Record<Switch, boolean>>>({});
  const save = useMutation({
    mutationFn: (change: Partial<Preferences>): Promise<Preferences> => callEndpoint(api.updateEmailPreferences, { body: change }),
    onMutate: (change) => {
      // A read in flight would land without this change; cancelling it keeps the cache as set here.
      void queryClient.cancelQueries({ queryKey: KEY });
      const before = queryClient.getQueryData<Preferences>(KEY);
      if (before) queryClient.setQueryData<Preferences>(KEY, { ...before, ...change });
      return { before };
    },
    onError: (error, _change, context) => {
      if (context?.before) queryClient.setQueryData(KEY, context.before);
      toast({ tone: "error", title: "Your email settings were not saved", description: error instanceof ApiError ? error.message : "Try again." });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      toast({ tone: "success", title: "Email settings saved" });
    },
    // Unless the box was clicked again meanwhile: that later save clears it.
    onSettled: (_saved, _error, change) =>
      setClicked((current) => Object.fromEntries(Object.entries(current).filter(([key, value]) => change[key as Switch] !== value))),
  });
  const toggle = (key: Switch, value: boolean) => {
    setClicked((current) => ({ ...current, [key]: value }));
    save.mutate({ [key]: value });
  };

  if (preferences.isError) return <LoadFailed what="email settings" message={preferences.error.message} onRetry={() => void preferences.refetch()} />;
  const checkbox = (kind: { key: Switch; label: string; hint: string }) => (
    <label key={kind.key} className="flex items-start gap-3 text-sm">
      <input
        type="checkbox"
        className="mt-0.5 size-4 accent-primary"
        checked={clicked[kind.key] ?? preferences.data?.[kind.key] ?? false}
        onChange={(event) => toggle(kind.key, event.target.checked)}
      />
      <span>
        <span className="font-medium">{kind.label}</span>
        <span className="block text-muted-foreground">{kind.hint}</span>
      </span>
    </label>
  );
  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-3" disabled={!preferences.data} aria-busy={preferences.isPending}>
        <legend className="sr-only">Emails you receive</legend>
        {KINDS.map(checkbox)}
      </fieldset>
      <fieldset className="flex flex-col gap-3" disabled={!preferences.data}>
        <legend className="mb-2 text-sm font-semibold">Reminders</legend>
        <p className="text-sm text-muted-foreground">A reminder you turn off does not arrive at all, neither in Cairn nor by email.</p>
        {REMINDERS.map(checkbox)}
      </fieldset>
      <TimeZoneField value={preferences.data?.timeZone} onChange={(timeZone) => save.mutate({ timeZone })} />
    </div>
  );
}

/** The zone quiet hours follow: a list of IANA names, and a shortcut to this browser's own. */
function TimeZoneField({ value, onChange }: { value: string | undefined; onChange: (timeZone: string) => void }) {
  const zones = useMemo(() => zoneNames(), []);
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <label htmlFor="time-zone" className="font-medium">
        Time zone
      </label>
      <span id="time-zone-hint" className="text-muted-foreground">
        No reminder or nudge email reaches you between 20:00 and 08:00 in this zone; it waits until the morning.
      </span>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id="time-zone"
          aria-describedby="time-zone-hint"
          className="h-9 rounded-md border border-border bg-background px-2"
          disabled={value === undefined}
          value={value ?? ""}
          onChange={(event) => onChange(event.target.value)}
        >
          {/* The list is the browser's: it is drawn once the preferences arrived (never on the server). */}
          {value === undefined && <option value="">Loading…</option>}
          {value !== undefined && !zones.includes(value) && <option value={value}>{value}</option>}
          {value !== undefined &&
            zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
        </select>
        {value !== undefined && browserZone && browserZone !== value && zones.includes(browserZone) && (
          <Button type="button" variant="secondary" size="sm" onClick={() => onChange(browserZone)}>
            Use {browserZone}
          </Button>
        )}
      </div>
    </div>
  );
}
