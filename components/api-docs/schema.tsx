import type { ReactNode } from "react";
import { schemaAnchor } from "./read-document";
import type { JsonSchema } from "./types";

const SCHEMA_REF = /"\$ref": "#\/components\/schemas\/([^"]+)"/g;

function refName(ref: unknown): string | null {
  if (typeof ref !== "string" || !ref.startsWith("#/components/schemas/")) return null;
  return ref.slice("#/components/schemas/".length).replace(/~1/g, "/").replace(/~0/g, "~");
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A one-line type label such as `array of Track` or `string (uuid)`, for tables and summaries. */
export function describeSchema(schema: JsonSchema | undefined, depth = 0): string {
  if (!schema) return "any";
  if (depth > 3) return "…";
  const ref = refName(schema.$ref);
  if (ref) return ref;
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      return options.filter(isSchema).map((option) => describeSchema(option, depth + 1)).join(" | ");
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.length <= 6) {
    return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const labels = types
    .filter((type): type is string => typeof type === "string")
    .map((type) => {
      if (type === "array") return `array of ${describeSchema(isSchema(schema.items) ? schema.items : undefined, depth + 1)}`;
      if (typeof schema.format === "string") return `${type} (${schema.format})`;
      return type;
    });
  if (labels.length > 0) return labels.join(" | ");
  if (Array.isArray(schema.allOf)) return "object";
  return "any";
}

/** Pretty-printed JSON in which each schema reference links to that schema's entry. */
function JsonWithLinks({ value }: { value: JsonSchema }) {
  const json = JSON.stringify(value, null, 2);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of json.matchAll(SCHEMA_REF)) {
    const name = refName(`#/components/schemas/${match[1]}`) ?? "";
    parts.push(json.slice(last, match.index));
    parts.push(
      <span key={match.index}>
        {'"$ref": '}
        <a href={`#${schemaAnchor(name)}`} className="text-link underline underline-offset-2 hover:no-underline">
          {`"#/components/schemas/${match[1]}"`}
        </a>
      </span>,
    );
    last = match.index + match[0].length;
  }
  parts.push(json.slice(last));
  return <>{parts}</>;
}

export function SchemaJson({ schema }: { schema: JsonSchema }) {
  return (
    // Focusable so keyboard users can scroll long lines sideways.
    <pre
      tabIndex={0}
      className="max-h-[32rem] overflow-auto bg-surface-muted p-3 font-mono text-xs leading-relaxed text-foreground"
    >
      <code>
        <JsonWithLinks value={schema} />
      </code>
    </pre>
  );
}

/**
 * A schema under a collapsible label. A bare reference is shown as a link instead: a
 * disclosure holding one line of JSON would hide nothing worth hiding.
 */
export function SchemaBlock({ label, schema }: { label: string; schema?: JsonSchema }) {
  if (!schema) {
    return (
      <p className="text-sm">
        <span className="font-mono text-muted-foreground">{label}</span>
      </p>
    );
  }
  const ref = refName(schema.$ref);
  if (ref && Object.keys(schema).length === 1) {
    return (
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-mono text-muted-foreground">{label}</span>
        <a href={`#${schemaAnchor(ref)}`} className="font-mono text-link underline underline-offset-2 hover:no-underline">
          {ref}
        </a>
      </p>
    );
  }
  return (
    <details className="overflow-hidden rounded-md border border-border">
      <summary className="px-3 py-2 text-sm">
        <span className="font-mono text-muted-foreground">{label}</span>{" "}
        <span className="font-mono text-foreground">{describeSchema(schema)}</span>
      </summary>
      <div className="border-t border-border">
        <SchemaJson schema={schema} />
      </div>
    </details>
  );
}
