/** Creating and dropping the throw-away databases tests run in. */
import pg from "pg";
import { isLocalDatabaseUrl, withDatabase } from "@/lib/db/connection";

export async function withAdminClient<T>(adminUrl: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withAdminClient(adminUrl, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)}${template ? ` template ${client.escapeIdentifier(template)}` : ""}`),
  );
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
}

/** Tests create and drop databases: never let them near a server that is not on this machine. */
export function assertLocal(url: string, variable: string): void {
  if (!isLocalDatabaseUrl(url)) {
    throw new Error(`${variable} must point at a PostgreSQL on this machine (localhost/127.0.0.1/::1); tests refuse ${new URL(url).hostname}`);
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}
