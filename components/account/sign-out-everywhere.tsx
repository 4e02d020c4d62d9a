"use client";

import { signOutHere } from "@/components/auth/sign-out";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

export function SignOutEverywhere() {
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    try {
      await callEndpoint(api.revokeAllSessions);
      await signOutHere("/sign-in");
    } catch (error) {
      toast({ title: "Could not sign out everywhere", description: error instanceof ApiError ? error.message : "Try again.", tone: "error" });
      setPending(false);
      setOpen(false);
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Sign out everywhere?"
        description="Every browser and device signed in to your account, this one included, is signed out at its next request."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="danger" loading={pending} onClick={() => void confirm()}>
              Sign out everywhere
            </Button>
          </>
        }
      />
    </>
  );
}
