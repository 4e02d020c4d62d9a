/**
 * The authorization matrix (issue 13, decision 0021): every declared endpoint ×
 * every kind of caller, with the status each must get (tests/security/matrix/).
 * This file checks the matrix is complete and runs the public and account-level
 * rows; the organization's rows run in the other authorization-matrix-*.test.ts
 * files, the socket handshake and the replay in authorization-matrix-live.test.ts.
 */
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { routeHandlersByOperationId } from "../support/route-handlers";
import { EXPECTED_STATUSES } from "./matrix/expected-statuses";
import { OPERATIONS } from "./matrix/operations";
import { MATRIX_GROUPS, groupOf, runMatrixGroup } from "./matrix/run-matrix";

describe("the authorization matrix covers the API", () => {
  it("has a row and a request for every declared endpoint, and nothing else", () => {
    const declared = API_ENDPOINTS.map((endpoint) => endpoint.operationId).sort();
    expect(Object.keys(EXPECTED_STATUSES).sort(), "rows of tests/security/matrix/expected-statuses.ts").toEqual(declared);
    expect(Object.keys(OPERATIONS).sort(), "requests of tests/security/matrix/operations.ts").toEqual(declared);
  });

  it("reaches every declared endpoint through the route file that serves it", async () => {
    const handlers = await routeHandlersByOperationId();
    expect([...handlers.keys()].sort()).toEqual(API_ENDPOINTS.map((endpoint) => endpoint.operationId).sort());
    for (const endpoint of API_ENDPOINTS) {
      expect(handlers.get(endpoint.operationId)!.endpoint, endpoint.operationId).toBe(endpoint);
      expect(MATRIX_GROUPS).toContain(groupOf(endpoint));
    }
  });
});

runMatrixGroup("account");
