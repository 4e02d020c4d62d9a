/**
 * Secrets that a job needs but the database must not hold in clear, such as the
 * token in a password-reset link: job payloads are rows in pgboss.job, so the
 * enqueuing transaction seals the secret and the worker opens it.
 *
 * AES-256-GCM with a key derived (HKDF-SHA-256) from NEXTAUTH_SECRET: anyone who
 * reads the database or a backup without the secret learns nothing, and a
 * tampered payload fails to open. Sealing is random (a fresh IV each time), so a
 * job's payload must carry the sealed value, not re-seal it per attempt.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function key(): Buffer {
  const secret = getConfig().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: it also keys the secrets sealed in job payloads");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "cairn/job-payload-secrets", 32));
}

export function sealSecret(value: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([iv, cipher.update(value, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${sealed.toString("base64url")}`;
}

/** Throws when the value was not sealed by sealSecret with the current NEXTAUTH_SECRET, or was altered. */
export function openSealedSecret(sealed: string): string {
  const [version, body] = sealed.split(".");
  if (version !== VERSION || !body) throw new Error("not a sealed secret");
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error("sealed secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}
