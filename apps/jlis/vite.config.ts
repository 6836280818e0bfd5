// The operator console (src/web), built to dist/web and served by jlis under /admin (behind HTTP Basic).
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where a running jlis listens, for `vite` dev mode only (the built console is served by jlis itself). */
const JLIS_DEV_TARGET = "http://localhost:4010";

export default defineConfig({
  base: "/admin/",
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  // Keep Vite's cache in the app's node_modules, not in src/web/node_modules (the default follows root).
  cacheDir: fileURLToPath(new URL("./node_modules/.vite", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/admin/api": JLIS_DEV_TARGET,
      "/ca": JLIS_DEV_TARGET,
      "/crl": JLIS_DEV_TARGET,
      "/openapi.json": JLIS_DEV_TARGET,
    },
  },
});
