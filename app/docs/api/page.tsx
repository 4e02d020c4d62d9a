import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { readOpenApiDocument } from "@/components/api-docs/read-document";
import { buildOpenApiDocument } from "@/lib/http/openapi";

export const metadata: Metadata = {
  title: "API reference",
  description: "Every endpoint of the Cairn REST API, generated from its OpenAPI document.",
};

export default async function ApiReferencePage() {
  // Awaited so the page works whether the builder is synchronous or not.
  const reference = readOpenApiDocument(await buildOpenApiDocument());
  return <ApiReference reference={reference} />;
}
