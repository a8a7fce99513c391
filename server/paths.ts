import path from "node:path";

// Compiled files live in dist/server, dist/seeds or dist/tools: the repository is two levels up.
export const repoRoot = path.resolve(import.meta.dirname, "../..");
