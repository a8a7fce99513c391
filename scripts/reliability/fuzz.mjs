#!/usr/bin/env node
// The long fuzz run: `node scripts/reliability/fuzz.mjs [count] [seed]` (default 200 000).
// It runs test/security/fuzz.test.ts on a fresh database and the built server (npm run build
// first) and prints the operations tried, the statuses, the 5xx count and every leak found.
import { spawnSync } from "node:child_process";

const [count = "200000", seed = String(Date.now() % 1_000_000)] = process.argv.slice(2);
console.log(`fuzz: ${count} operations, seed ${seed}`);
const run = spawnSync("npx", ["vitest", "run", "test/security/fuzz.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_COUNT: count, FUZZ_SEED: seed },
});
process.exit(run.status ?? 1);
