/**
 * OpenAPI 3.1 documents from a list of operations whose request bodies are the same zod schemas that validate
 * the requests, so a service's document cannot drift from its code. Errors are RFC 9457 problems.
 */
import { z } from "zod";

export interface OpenApiOperation<Security extends string = string> {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  security?: Security | undefined;
  body?: z.ZodType;
  /** A non-JSON request body's media type (application/ocsp-request). */
  bodyType?: string;
  /** Status → description; 4xx/5xx answer application/problem+json. */
  responses: Record<string, string>;
  /** The success media type; default application/json. */
  produces?: string;
}

export interface OpenApiDocumentOptions<Security extends string> {
  title: string;
  description?: string;
  version?: string;
  serverUrl: string;
  operations: readonly OpenApiOperation<Security>[];
  securitySchemes: Record<Security, Record<string, unknown>>;
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

export function buildOpenApiDocument<Security extends string>(options: OpenApiDocumentOptions<Security>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of options.operations) {
    const parameters = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const responses = Object.fromEntries(
      Object.entries(op.responses).map(([status, description]) => [
        status,
        {
          description,
          content:
            Number(status) >= 400
              ? { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } }
              : { [op.produces ?? "application/json"]: {} },
        },
      ]),
    );
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(op.security ? { security: [{ [op.security]: [] }] } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
      ...(op.bodyType ? { requestBody: { required: true, content: { [op.bodyType]: {} } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: options.title,
      version: options.version ?? "0.1.0",
      description: options.description ?? "Synthetic data only; never a real JPKI service.",
    },
    servers: [{ url: options.serverUrl }],
    paths,
    components: {
      securitySchemes: options.securitySchemes,
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "code"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            code: { type: "string" },
            detail: { type: "string" },
            instance: { type: "string" },
          },
        },
      },
    },
  };
}
