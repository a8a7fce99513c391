import { describe, expect, inject, it } from "vitest";
import { migrations } from "../../migrations/index.js";
import { createDatabase, queryDatabase } from "../support/cluster.js";
import { demoAccounts, demoPassword } from "../support/demo.js";
import { logEntries, startInstance, type Instance } from "../support/instance.js";
import { attemptLogin } from "../support/session.js";

describe("instances that start together on an empty database", () => {
  it("migrate and seed it exactly once, and both start and serve it", async () => {
    const database = await createDatabase(inject("clusterUrl"), "startup");
    // As a first deploy of two instances: both find every migration pending and no region.
    const starting = await Promise.allSettled([
      startInstance({}, { databaseUrl: database.url }),
      startInstance({}, { databaseUrl: database.url }),
    ]);
    const started = starting.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    try {
      expect(starting.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);

      const applied = await queryDatabase<{ name: string; times: number }>(
        database.url,
        "SELECT name, count(*)::int AS times FROM migrations GROUP BY name",
      );
      expect(applied).toHaveLength(migrations.length);
      expect(applied.filter((migration) => migration.times !== 1)).toEqual([]);
      const regions = await queryDatabase<{ code: string }>(
        database.url,
        "SELECT code FROM region",
      );
      expect(regions).toEqual([{ code: "centraal-gelderland" }]);
      const users = await queryDatabase<{ email: string }>(
        database.url,
        "SELECT email FROM app_user ORDER BY email",
      );
      expect(users.map((user) => user.email)).toEqual(Object.values(demoAccounts).sort());

      // One of the two did the work, and says so; the other found it done.
      const saying = (message: string) =>
        started.filter((instance: Instance) =>
          logEntries(instance).some((entry) => entry.msg === message),
        ).length;
      expect(saying("migrations applied")).toBe(1);
      expect(saying("demo region seeded")).toBe(1);

      for (const instance of started) {
        const login = await attemptLogin(demoAccounts.wijkteamWorker, demoPassword, {
          baseUrl: instance.baseUrl,
        });
        expect(login.data?.login.token).toBeTruthy();
      }
    } finally {
      await Promise.all(started.map((instance) => instance.stop()));
      await database.drop();
    }
  }, 180_000);
});
