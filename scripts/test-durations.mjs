// Writes how long each test file took in the last `vitest run` (from vitest's own cache) to
// test/durations.json, which orders the files of a run on a fresh clone: see test/sequencer.ts.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const cache = "node_modules/.vite/vitest";
const durations = {};
for (const dir of readdirSync(cache)) {
  const { results } = JSON.parse(readFileSync(join(cache, dir, "results.json"), "utf8"));
  for (const [file, { duration }] of results) {
    if (duration >= 1000) durations[file] = Math.round(duration / 1000);
  }
}
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync("test/durations.json", `${JSON.stringify(sorted, null, 2)}\n`);
