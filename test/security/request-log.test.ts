import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Instance, startInstance } from "../support/instance.js";

describe("the request log", () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startInstance({ LOG_LEVEL: "info" });
  });
  afterAll(() => instance.stop());

  /** The log lines of requests, once the server has written the one for `path`. */
  async function requestLines(path: string) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const lines = instance.logLines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.msg === "request");
      if (lines.some((entry) => entry.path === path)) return lines;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no log line for ${path}`);
  }

  it("has method, path and status of each request, and nothing that was asked", async () => {
    // A worker searching for a client's name: neither the name nor the query reach the log.
    const secret = "Jansenvanderbergh";
    const api = await fetch(`${instance.baseUrl}/graphql?naam=${secret}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "query ($search: OfferingSearchInput) { offerings(search: $search) { totalCount } }",
        variables: { search: { text: secret } },
      }),
    });
    expect(api.status).toBe(200);
    // A route on a mounted router, refused without a session.
    const file = await fetch(`${instance.baseUrl}/export/aanbod.csv?gemeente=GM0202`);
    expect(file.status).toBe(401);

    const lines = await requestLines("/export/aanbod.csv");
    expect(lines).toContainEqual(
      expect.objectContaining({ method: "POST", path: "/graphql", status: 200 }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ method: "GET", path: "/export/aanbod.csv", status: 401 }),
    );
    expect(instance.logLines.join("\n")).not.toContain(secret);
    expect(instance.logLines.join("\n")).not.toContain("GM0202");
  });
});
