/**
 * Once per integration run: a PostgreSQL server and a template database with
 * every migration applied. Each test file then clones the template
 * (file-database.ts), so files run in parallel and never share rows.
 */
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "@/lib/db/prisma-cli";
import { createDatabase, dropDatabase, uniqueName } from "../support/database-admin";
import { startTestCluster } from "../support/test-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  const template = uniqueName("cairn_template");
  const templateUrl = await createDatabase(cluster.adminUrl, template);
  await migrateDeploy(templateUrl);
  project.provide("adminDatabaseUrl", cluster.adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(cluster.adminUrl, template);
    await cluster.stop();
  };
}
