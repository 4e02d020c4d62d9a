import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "./endpoints";
import { apiRouteFiles, CLIENT_REGISTRY, generateRegistries, loaderFor, registryOrder, routeFolderPath, SERVER_REGISTRY, servedEndpoints } from "./registry-generator";

const root = path.resolve(import.meta.dirname, "../..");
const load = loaderFor(root, (file) => import(file));

describe("the generated endpoint registries", () => {
  it("are up to date with the route files (run `npm run api:registry` after changing an endpoint)", async () => {
    const { server, client } = await generateRegistries(root, load);
    expect(readFileSync(path.join(root, SERVER_REGISTRY), "utf8")).toBe(server);
    expect(readFileSync(path.join(root, CLIENT_REGISTRY), "utf8")).toBe(client);
  });

  it("answer each route folder with the declaration of the same path and method", async () => {
    let checked = 0;
    for (const file of apiRouteFiles(root)) {
      const served = servedEndpoints(file, readFileSync(path.join(root, file), "utf8"));
      expect(served.length, file).toBeGreaterThan(0);
      for (const { method, name, module } of served) {
        const declaration = (await load(module))[name] as (typeof API_ENDPOINTS)[number];
        expect(declaration.path, `${file} ${method}`).toBe(routeFolderPath(file));
        expect(declaration.method, `${file} ${method}`).toBe(method);
        checked += 1;
      }
    }
    expect(checked).toBe(API_ENDPOINTS.length);
  });

  it("list the client endpoints under their operation ids, with the declarations' method and path", async () => {
    const { api } = await import("./client-endpoints");
    for (const endpoint of API_ENDPOINTS) expect(api[endpoint.operationId as keyof typeof api], endpoint.operationId).toEqual({ method: endpoint.method, path: endpoint.path });
  });
});

describe("the browser's side", () => {
  it("imports nothing of the server: the declarations reach the client registry as types only", () => {
    for (const file of [CLIENT_REGISTRY, "lib/api/client.ts", "lib/http/api-client.ts"]) {
      const valueImports = [...readFileSync(path.join(root, file), "utf8").matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gms)].map((match) => match[1]);
      expect(valueImports.filter((module) => !["./client", "@/lib/http/api-client"].includes(module!)), file).toEqual([]);
    }
  });
});

describe("routeFolderPath", () => {
  it("turns dynamic segments into the declarations' {name} placeholders", () => {
    expect(routeFolderPath("app/api/v1/o/[orgSlug]/assignments/[assignmentId]/items/[key]/route.ts")).toBe("/api/v1/o/{orgSlug}/assignments/{assignmentId}/items/{key}");
    expect(routeFolderPath("app/api/v1/openapi.json/route.ts")).toBe("/api/v1/openapi.json");
  });
});

describe("servedEndpoints", () => {
  it("reads the declarations a route file hands to handle(), renamed imports included", () => {
    const source = [
      `import { getThingEndpoint as getEndpoint, updateThingEndpoint } from "@/lib/things/endpoints";`,
      `export const GET = handle(getEndpoint, async () => ({}));`,
      `export const PATCH = handle(updateThingEndpoint, async () => ({}));`,
      `export const { POST } = otherMethods({ GET, PATCH });`,
    ].join("\n");
    expect(servedEndpoints("app/api/v1/things/route.ts", source)).toEqual([
      { routeFile: "app/api/v1/things/route.ts", method: "GET", name: "getThingEndpoint", module: "@/lib/things/endpoints" },
      { routeFile: "app/api/v1/things/route.ts", method: "PATCH", name: "updateThingEndpoint", module: "@/lib/things/endpoints" },
    ]);
  });

  it("refuses a handler whose declaration is not an imported name", () => {
    expect(() => servedEndpoints("app/api/v1/x/route.ts", `export const GET = handle(defineEndpoint({}), f);`)).toThrow(/must name an imported endpoint declaration/);
  });
});

describe("registryOrder", () => {
  it("reads the committed list's order, so new endpoints are appended", () => {
    expect(registryOrder("export const API_ENDPOINTS: AnyEndpoint[] = [\n  bEndpoint,\n  aEndpoint,\n] as AnyEndpoint[];")).toEqual(["bEndpoint", "aEndpoint"]);
    expect(registryOrder(null)).toEqual([]);
  });
});
