import { describe, expect, it } from "vitest";
import { tracingTarget } from "./tracing-config";

describe("tracingTarget", () => {
  it("is off without an endpoint, or when the SDK is disabled", () => {
    expect(tracingTarget({})).toBeNull();
    expect(tracingTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " })).toBeNull();
    expect(tracingTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "TRUE" })).toBeNull();
  });

  it("exports over http/protobuf by default, http/json when asked, and refuses gRPC", () => {
    expect(tracingTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toEqual({ endpoint: "http://collector:4318", protocol: "http/protobuf" });
    expect(tracingTarget({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" })).toEqual({
      endpoint: "http://collector:4318/v1/traces",
      protocol: "http/json",
    });
    expect(() => tracingTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4317", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" })).toThrow(/http\/protobuf/);
  });
});
