// Prisma CLI configuration (Prisma 6.19, driver adapters; NOTES.md). Used by `prisma generate` and
// `prisma migrate diff`; the app itself never runs the CLI. With no DATABASE_URL the CLI talks to an
// in-memory PGlite, so everything works offline.
import path from "node:path";
import type { PrismaConfig } from "prisma";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Typed against an older @prisma/driver-adapter-utils (see packages/service-kit/src/db/database.ts); same runtime interface.
    return new PrismaPGlite(new PGlite()) as never;
  },
} satisfies PrismaConfig;
