import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // No source maps: the server would hand out the client's full sources with them. Client
    // development runs on Vite's dev server (npm run dev:client), which has its own.
    sourcemap: false,
  },
  server: {
    // During client development the API runs on its own port (npm start).
    // ws: the live updates' WebSocket on the same path.
    proxy: { "/graphql": { target: "http://localhost:4000", ws: true } },
  },
});
