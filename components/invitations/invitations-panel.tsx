"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyNote, LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import type { Role } from "@/lib/generated/prisma/enums";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { describeExpiry } from "@/lib/invitations/expiry";
import { formatDateTime } from "@/lib/time/format";
import { ROLE_LABEL } from "@/lib/members/labels";
import { InviteDialog } from "./invite-dialog";
import type { InvitationJson, InvitationPageJson } from "./types";

/** The Invitations tab: "Invite people" and the pending list with resend and revoke. An unverified account is told to verify first. */
export function InvitationsPanel({ slug, roles, verified, startInviting = false }: { slug: string; roles: Role[]; verified: boolean; startInviting?: boolean }) {
  const router = useRouter();
  const [inviting, setInviting] = useState(startInviting && verified);
  const [revoking, setRevoking] = useState<InvitationJson | null>(null);
  const queryClient = useQueryClient();
  const { toast } = useToast();

  const invitations = useInfiniteQuery({
    queryKey: ["invitations", slug],
    queryFn: ({ pageParam }): Promise<InvitationPageJson> => callEndpoint(api.listInvitations, { params: { orgSlug: slug }, query: { cursor: pageParam || undefined } }),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  const failed = (title: string) => (error: Error) => toast({ tone: "error", title, description: error instanceof ApiError ? error.message : "Try again." });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["invitations", slug] });

  const resend = useMutation({
    mutationFn: (invitation: InvitationJson): Promise<InvitationJson> => callEndpoint(api.resendInvitation, { params: { orgSlug: slug, invitationId: invitation.id } }),
    onSuccess: (invitation) => {
      toast({ tone: "success", title: `Sent a new link to ${invitation.email}`, description: "The previous link no longer works." });
      void refresh();
    },
    onError: failed("Could not resend the invitation"),
  });

  const revoke = useMutation({
    mutationFn: (invitation: InvitationJson) => callEndpoint(api.revokeInvitation, { params: { orgSlug: slug, invitationId: invitation.id } }),
    onSuccess: (_data, invitation) => {
      toast({ tone: "success", title: `Revoked the invitation to ${invitation.email}` });
      void refresh();
    },
    onError: failed("Could not revoke the invitation"),
    onSettled: () => setRevoking(null),
  });

  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="invitations-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 id="invitations-heading" className="text-2xl font-semibold tracking-tight">
            Invitations
          </h1>
          <p className="text-sm text-muted-foreground">People invited by email who have not joined yet.</p>
        </div>
        <Button onClick={() => setInviting(true)} disabled={!verified}>
          Invite people
        </Button>
      </div>
      {verified ? null : (
        <p role="status" className="rounded-lg border border-border bg-surface-muted p-4 text-sm">
          Verify your email address before inviting people: open the link we emailed you when you signed up, or send a new one from{" "}
          <Link href="/account" className="text-link underline underline-offset-2">
            your account page
          </Link>
          .
        </p>
      )}

      {invitations.isPending ? (
        <LoadingStatus>Loading invitations…</LoadingStatus>
      ) : invitations.isError && items.length === 0 ? (
        <LoadFailed what="invitations" message={invitations.error.message} onRetry={() => void invitations.refetch()} />
      ) : items.length === 0 ? (
        <EmptyNote boxed>No pending invitations. Invite people to see them here until they join.</EmptyNote>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Pending invitations</caption>
          <thead className="text-muted-foreground">
            <tr>
              <th scope="col" className="py-2 font-medium">Email</th>
              <th scope="col" className="py-2 font-medium">Role</th>
              <th scope="col" className="py-2 font-medium">Invited by</th>
              <th scope="col" className="py-2 font-medium">Expiry</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((invitation) => (
              <tr key={invitation.id} className="border-t border-border" data-testid="invitation-row">
                <td className="py-2 pr-3 break-all">{invitation.email}</td>
                <td className="py-2 pr-3">{ROLE_LABEL[invitation.role]}</td>
                <td className="py-2 pr-3">{invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? "—"}</td>
                <td className={invitation.expired ? "py-2 pr-3 text-danger" : "py-2 pr-3"}>
                  <time dateTime={invitation.expiresAt} title={formatDateTime(invitation.expiresAt)}>
                    {describeExpiry(new Date(invitation.expiresAt))}
                  </time>
                </td>
                <td className="py-2">
                  <div className="flex justify-end gap-2">
                    <Button variant="secondary" size="sm" loading={resend.isPending && resend.variables?.id === invitation.id} onClick={() => resend.mutate(invitation)} aria-label={`Resend the invitation to ${invitation.email}`}>
                      Resend
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setRevoking(invitation)} aria-label={`Revoke the invitation to ${invitation.email}`}>
                      Revoke
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invitations.hasNextPage ? (
        <Button variant="secondary" className="self-start" loading={invitations.isFetchingNextPage} onClick={() => void invitations.fetchNextPage()}>
          Show more
        </Button>
      ) : null}

      <InviteDialog
        slug={slug}
        roles={roles}
        open={inviting}
        onOpenChange={(open) => {
          setInviting(open);
          // Closed: drop ?invite=1, so a reload or the back button does not open it again.
          if (!open && startInviting) router.replace(`/o/${slug}/invitations`, { scroll: false });
        }}
      />
      <Dialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? undefined : setRevoking(null))}
        title="Revoke this invitation?"
        description={revoking ? `The link sent to ${revoking.email} will stop working. You can invite the address again later.` : undefined}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              Keep it
            </Button>
            <Button variant="danger" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>
              Revoke
            </Button>
          </>
        }
      />
    </section>
  );
}
