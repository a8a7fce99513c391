import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const assets = path.resolve(import.meta.dirname, "../../dist/web/assets");

describe("the web client's sources", () => {
  it("are not handed out: no source map is built, referred to or served", async () => {
    expect(existsSync(assets), "build the client first: npm run build:client").toBe(true);
    const files = readdirSync(assets);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    const code = files.filter((file) => /\.(js|css)$/.test(file));
    expect(code.length).toBeGreaterThan(0);
    for (const file of code) {
      expect(readFileSync(path.join(assets, file), "utf8"), file).not.toContain("sourceMappingURL");
      // Not even the page in its place, as for a client-side route.
      const map = await fetch(`${inject("baseUrl")}/assets/${file}.map`);
      expect(map.status, `${file}.map`).toBe(404);
      expect(await map.text()).not.toContain("sourcesContent");
    }
  });
});
