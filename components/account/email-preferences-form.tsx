"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoadFailed } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { ApiError, apiRequest } from "@/lib/http/api-client";

type Preferences = { evidenceSubmitted: boolean; reviewDone: boolean; reviewDigest: boolean };

const KINDS: Array<{ key: keyof Preferences; label: string; hint: string }> = [
  { key: "evidenceSubmitted", label: "Evidence to review", hint: "As a mentor: what your mentees submit, at most one email every 10 minutes." },
  { key: "reviewDigest", label: "Daily digest", hint: "As a mentor: each morning, what has waited more than a day for your review." },
  { key: "reviewDone", label: "Reviews of my evidence", hint: "As a new hire: when a mentor approves or asks for changes." },
];

const PATH = "/api/v1/me/email-preferences";
const KEY = ["email-preferences"] as const;

/** One checkbox per kind of email; each change saves at once (and is undone on screen if the server refuses). */
export function EmailPreferencesForm() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const preferences = useQuery({ queryKey: KEY, queryFn: () => apiRequest<Preferences>(PATH) });
  const save = useMutation({
    mutationFn: (change: Partial<Preferences>) => apiRequest<Preferences>(PATH, { method: "PATCH", body: change }),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: KEY });
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
  });

  if (preferences.isError) return <LoadFailed what="email settings" message={preferences.error.message} onRetry={() => void preferences.refetch()} />;
  return (
    <fieldset className="flex flex-col gap-3" disabled={!preferences.data} aria-busy={preferences.isPending}>
      <legend className="sr-only">Emails you receive</legend>
      {KINDS.map((kind) => (
        <label key={kind.key} className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-primary"
            checked={preferences.data?.[kind.key] ?? false}
            onChange={(event) => save.mutate({ [kind.key]: event.target.checked })}
          />
          <span>
            <span className="font-medium">{kind.label}</span>
            <span className="block text-muted-foreground">{kind.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
