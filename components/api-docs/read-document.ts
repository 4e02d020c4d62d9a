import { HTTP_METHODS } from "./types";
import type {
  ApiMediaType,
  ApiParameter,
  ApiRequestBody,
  ApiResponse,
  ApiSecurityRequirement,
  ApiSecurityScheme,
  DocOperation,
  JsonSchema,
  OpenApiDocument,
  TagGroup,
} from "./types";

// The document is read defensively: a field of an unexpected shape is dropped rather than
// failing the whole page, because a partial reference beats an error page.

type Json = { [key: string]: unknown };

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Follows a local "#/a/b" reference (possibly through others) to the object it names. */
function deref(root: Json, value: unknown, depth = 0): unknown {
  if (!isRecord(value) || typeof value.$ref !== "string" || depth > 8) return value;
  if (!value.$ref.startsWith("#/")) return value;
  let target: unknown = root;
  for (const raw of value.$ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    target = isRecord(target) ? target[key] : undefined;
  }
  return target === undefined ? value : deref(root, target, depth + 1);
}

function readContent(value: unknown): Record<string, ApiMediaType> | undefined {
  if (!isRecord(value)) return undefined;
  const content: Record<string, ApiMediaType> = {};
  for (const [type, media] of Object.entries(value)) {
    const schema = isRecord(media) ? media.schema : undefined;
    // Schemas keep their $refs: the page links them to the Schemas section instead.
    content[type] = isRecord(schema) ? { schema } : {};
  }
  return Object.keys(content).length > 0 ? content : undefined;
}

function readParameter(root: Json, value: unknown): ApiParameter | null {
  const param = deref(root, value);
  if (!isRecord(param) || typeof param.name !== "string") return null;
  const location = param.in;
  if (location !== "path" && location !== "query" && location !== "header" && location !== "cookie") {
    return null;
  }
  return {
    name: param.name,
    in: location,
    required: param.required === true || location === "path",
    description: text(param.description),
    deprecated: param.deprecated === true,
    schema: isRecord(param.schema) ? param.schema : undefined,
  };
}

function readParameters(root: Json, value: unknown): ApiParameter[] {
  return Array.isArray(value)
    ? value.map((item) => readParameter(root, item)).filter((p): p is ApiParameter => p !== null)
    : [];
}

function readRequestBody(root: Json, value: unknown): ApiRequestBody | undefined {
  const body = deref(root, value);
  if (!isRecord(body)) return undefined;
  return {
    description: text(body.description),
    required: body.required === true,
    content: readContent(body.content) ?? {},
  };
}

function readResponses(root: Json, value: unknown): Array<[string, ApiResponse]> {
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .map(([status, raw]): [string, ApiResponse] => {
      const response = deref(root, raw);
      const record = isRecord(response) ? response : {};
      return [status, { description: text(record.description) ?? "", content: readContent(record.content) }];
    })
    .sort(([a], [b]) => a.localeCompare(b));
}

function readSecurity(value: unknown): ApiSecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((entry) => {
    const requirement: ApiSecurityRequirement = {};
    for (const [name, scopes] of Object.entries(entry)) {
      requirement[name] = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [];
    }
    return requirement;
  });
}

/** "a and b" within one requirement, alternatives kept apart. */
function securityNames(requirements: ApiSecurityRequirement[] | undefined): string[] {
  return (requirements ?? [])
    .map((requirement) => Object.keys(requirement).join(" and "))
    .filter((name) => name !== "");
}

export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function schemaAnchor(name: string): string {
  return `schema-${slug(name)}`;
}

export interface ReadDocument {
  openapi: string;
  info: OpenApiDocument["info"];
  groups: TagGroup[];
  schemas: Array<[name: string, schema: JsonSchema]>;
  securitySchemes: Array<[name: string, scheme: ApiSecurityScheme]>;
}

const UNTAGGED = "General";

/**
 * Turns the document (expected to match OpenApiDocument, but not trusted to) into operations
 * grouped by their first tag, with parameter, body and response references resolved.
 */
export function readOpenApiDocument(raw: unknown): ReadDocument {
  const root: Json = isRecord(raw) ? raw : {};
  const info = isRecord(root.info) ? root.info : {};
  const components = isRecord(root.components) ? root.components : {};
  const declaredTags = Array.isArray(root.tags) ? root.tags.filter(isRecord) : [];
  const docSecurity = readSecurity(root.security);

  const groups = new Map<string, TagGroup>();
  const usedAnchors = new Set<string>();
  const groupFor = (name: string): TagGroup => {
    let group = groups.get(name);
    if (!group) {
      const declared = declaredTags.find((tag) => tag.name === name);
      group = { name, anchor: `tag-${slug(name)}`, description: text(declared?.description), operations: [] };
      groups.set(name, group);
    }
    return group;
  };
  // Declared tags come first, in the order the document gives them.
  for (const tag of declaredTags) if (typeof tag.name === "string") groupFor(tag.name);

  const paths = isRecord(root.paths) ? root.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(root, rawItem);
    if (!isRecord(item)) continue;
    const shared = readParameters(root, item.parameters);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const own = readParameters(root, op.parameters);
      // An operation's parameter overrides a path-level one with the same name and location.
      const parameters = [
        ...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
        ...own,
      ];
      let anchor = `op-${slug(text(op.operationId) ?? `${method} ${path}`)}`;
      while (usedAnchors.has(anchor)) anchor += "-x";
      usedAnchors.add(anchor);
      const operation: DocOperation = {
        anchor,
        method,
        path,
        summary: text(op.summary),
        description: text(op.description),
        deprecated: op.deprecated === true,
        security: securityNames(readSecurity(op.security) ?? docSecurity),
        parameters,
        requestBody: readRequestBody(root, op.requestBody),
        responses: readResponses(root, op.responses),
      };
      const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [];
      groupFor(tags[0] ?? UNTAGGED).operations.push(operation);
    }
  }

  const schemas = isRecord(components.schemas)
    ? Object.entries(components.schemas)
        .filter((entry): entry is [string, JsonSchema] => isRecord(entry[1]))
        .sort(([a], [b]) => a.localeCompare(b))
    : [];
  const securitySchemes = isRecord(components.securitySchemes)
    ? Object.entries(components.securitySchemes).flatMap(([name, scheme]): Array<[string, ApiSecurityScheme]> =>
        isRecord(scheme) && typeof scheme.type === "string"
          ? [[name, { ...scheme, type: scheme.type, description: text(scheme.description) }]]
          : [],
      )
    : [];

  return {
    openapi: text(root.openapi) ?? "3.1.0",
    info: {
      title: text(info.title) ?? "API reference",
      version: text(info.version) ?? "",
      description: text(info.description),
    },
    groups: [...groups.values()].filter((group) => group.operations.length > 0),
    schemas,
    securitySchemes,
  };
}
