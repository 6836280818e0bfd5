import { z } from "zod";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi.js";

describe("buildOpenApiDocument", () => {
  const document = buildOpenApiDocument({
    title: "Test",
    serverUrl: "http://127.0.0.1:1",
    securitySchemes: { admin: { type: "http", scheme: "basic" } },
    operations: [
      { method: "post", path: "/things/{id}", summary: "make", security: "admin", body: z.object({ name: z.string().min(1) }), responses: { 201: "made", 400: "invalid" } },
      { method: "post", path: "/ocsp", summary: "binary", bodyType: "application/ocsp-request", responses: { 200: "answer" }, produces: "application/ocsp-response" },
    ],
  });

  it("describes bodies from the zod schemas, path parameters, security and problem responses", () => {
    const op = document.paths["/things/{id}"]?.post as {
      parameters: unknown;
      security: unknown;
      requestBody: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content: Record<string, unknown> }>;
    };
    expect(op.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
    expect(op.security).toEqual([{ admin: [] }]);
    expect(op.requestBody.content["application/json"]?.schema).toMatchObject({ type: "object", required: ["name"] });
    expect(op.responses["400"]?.content).toHaveProperty("application/problem+json");
    expect(document.paths["/ocsp"]?.post).toMatchObject({ requestBody: { content: { "application/ocsp-request": {} } }, responses: { 200: { content: { "application/ocsp-response": {} } } } });
    expect(document.openapi).toBe("3.1.0");
  });
});
