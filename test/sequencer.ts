import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Seconds per file from an earlier run, for a fresh clone: `npm run test:durations` renews it. */
const recorded = JSON.parse(
  readFileSync(new URL("./durations.json", import.meta.url), "utf8"),
) as Record<string, number>;

/**
 * Runs each lane's longest files first, so the run ends on short files instead of a long one that
 * started late. The duration of a file is the one vitest measured in the last run here, else the
 * recorded one (vitest alone keeps the order of the file system on a fresh clone); a file never
 * timed counts as a short one. Lanes still run one after the other: a worker that changes lanes is
 * started afresh, with its imports and its Chromium.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = (file: TestSpecification): number => {
      const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
      const measured = this.ctx.cache.getFileTestResults(key)?.duration;
      return measured ?? (recorded[key] ?? 1) * 1000;
    };
    return [...files].sort(
      (a, b) => a.project.name.localeCompare(b.project.name) || expected(b) - expected(a),
    );
  }
}
