import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

describe("schema/schema.graphql", () => {
  it("is exactly the schema the server code builds", async () => {
    // Fails with a message telling to run `npm run schema:emit` when the SDL has drifted.
    const run = promisify(execFile);
    await expect(
      run(process.execPath, ["dist/server/scripts/emit-schema.js", "--check"]),
    ).resolves.toBeDefined();
  });
});
