import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { graphql, query } from "../support/api.js";

const run = promisify(execFile);

async function importCsv(csv: string) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "pc4-")), "pc4.csv");
  await writeFile(file, csv);
  return run(process.execPath, ["dist/server/scripts/import-pc4.js", file], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "warn" },
  });
}

describe("importing the national PC4 table", () => {
  it("adds and updates PC4 areas from a CSV", async () => {
    await importCsv(
      "code,latitude,longitude,gemeente_code\n6849,51.9512,5.8800,GM0202\n6811,51.9800,5.9110,GM0202\n",
    );
    const data = await query<{
      a: { code: string; gemeente: { code: string } };
      b: { latitude: number };
    }>(
      `{ a: postcodeArea(code: "6849") { code gemeente { code } } b: postcodeArea(code: "6811") { latitude } }`,
    );
    expect(data.a).toEqual({ code: "6849", gemeente: { code: "GM0202" } });
    expect(data.b.latitude).toBe(51.98);
  });

  it("loads nothing from a file with an unknown gemeente or a broken line", async () => {
    await expect(
      importCsv(
        "code,latitude,longitude,gemeente_code\n6848,51.95,5.88,GM0202\n1011,52.37,4.90,GM0363\n",
      ),
    ).rejects.toThrow(/GM0363/);
    await expect(
      importCsv("code,latitude,longitude,gemeente_code\n6847,51.95,5.88,GM0202\n12AB,x,y,z\n"),
    ).rejects.toThrow(/Line 3/);
    const result = await graphql<{ a: null; b: null }>(`
      {
        a: postcodeArea(code: "6848") {
          code
        }
        b: postcodeArea(code: "6847") {
          code
        }
      }
    `);
    expect(result.data).toEqual({ a: null, b: null });
  });
});
