import path from "node:path";

// Compiled files live in dist/server or dist/seeds: the repository is two levels up.
export const repoRoot = path.resolve(import.meta.dirname, "../..");
