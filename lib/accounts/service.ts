import { hash, verify } from "@node-rs/argon2";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { createOrganizationWithOwner } from "@/lib/orgs/create-organization";
import type { z } from "zod";
import { enqueueEmailVerification } from "./email-verification";
import type { signUpSchema } from "./schema";

/**
 * Creates a password account and its first organization, owned by it, and
 * enqueues the email-verification link in the same transaction.
 * The unique email index decides races: the loser gets 409, nothing half-made.
 */
export async function signUp(input: z.output<typeof signUpSchema>) {
  const passwordHash = await hash(input.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      const organization = await createOrganizationWithOwner(tx, user.id, input.organizationName);
      await enqueueEmailVerification(tx, user.id);
      return { user, organization };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { field: "email" });
    }
    throw error;
  }
}

// Verifying against a fixed hash when the email is unknown keeps the response time
// the same either way, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

/** The user whose email and password match, or null. */
export async function verifyCredentials(email: string, password: string) {
  const user = await getDb().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  decoyHash ??= hash("decoy password that never matches anything");
  const valid = await verify(user?.passwordHash ?? (await decoyHash), password).catch(() => false);
  if (!user?.passwordHash || !valid) return null;
  const { passwordHash: _omitted, ...rest } = user;
  return rest;
}
