// The bank's web UI (src/web), built to dist/web. The bank serves dist/web/index.html for every non-API GET
// path, so the UI uses path routes (BrowserRouter) under base "/".
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where a running bank listens, for `vite` dev mode only (the built UI is served by the bank itself). */
const BANK_DEV_TARGET = "http://localhost:4020";

export default defineConfig({
  base: "/",
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  // Keep Vite's cache in the app's node_modules, not in src/web/node_modules (the default follows root).
  cacheDir: fileURLToPath(new URL("./node_modules/.vite", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // jpki-core (pkijs, @peculiar/x509) is one ~710 kB chunk, loaded only when a message is decoded.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      "/api": BANK_DEV_TARGET,
      // The portal sends the browser back here (② → ③); the bank redeems the code and redirects to /journeys/:id.
      "/callback": BANK_DEV_TARGET,
      "/openapi.json": BANK_DEV_TARGET,
      "/healthz": BANK_DEV_TARGET,
    },
  },
});
