/**
 * Writes lib/api/endpoints.ts and lib/api/client-endpoints.ts from the route
 * files under app/api (lib/api/registry-generator.ts, decision 0037). Run after
 * adding, moving or removing an endpoint: `npm run api:registry`. A unit test
 * (lib/api/endpoint-registry.test.ts) fails while the committed files are stale.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { CLIENT_REGISTRY, generateRegistries, loaderFor, SERVER_REGISTRY } from "@/lib/api/registry-generator";

const root = path.resolve(import.meta.dirname, "..");
const { server, client } = await generateRegistries(root, loaderFor(root, (file) => import(file)));
writeFileSync(path.join(root, SERVER_REGISTRY), server);
writeFileSync(path.join(root, CLIENT_REGISTRY), client);
console.log(`wrote ${SERVER_REGISTRY} and ${CLIENT_REGISTRY}`);
process.exit(0);
