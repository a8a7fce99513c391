import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // During client development the API runs on its own port (npm start).
    // ws: the live updates' WebSocket on the same path.
    proxy: { "/graphql": { target: "http://localhost:4000", ws: true } },
  },
});
