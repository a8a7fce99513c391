import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSource } from "typeorm";
import { inject } from "vitest";
import { inTransaction, sqlState } from "../../server/common/transaction.js";

// Real PostgreSQL aborts, not mocks: two transactions that both hold a share lock on a table
// and then both want to write to it deadlock, and PostgreSQL aborts one of them with 40P01. It
// sees this deadlock as the second one starts to wait, not only after deadlock_timeout (whose
// timer does not fire when the clock is shifted forward with faketime, README).
let db: DataSource;

beforeAll(async () => {
  db = new DataSource({ type: "postgres", url: inject("databaseUrl"), entities: [] });
  await db.initialize();
  await db.query(
    "CREATE TABLE IF NOT EXISTS reliability_counter (id int PRIMARY KEY, value int NOT NULL)",
  );
  await db.query(
    "INSERT INTO reliability_counter VALUES (1, 0), (2, 0) ON CONFLICT (id) DO UPDATE SET value = 0",
  );
});

afterAll(async () => {
  await db.query("DROP TABLE IF EXISTS reliability_counter");
  await db.destroy();
});

describe("a transaction aborted by the database", () => {
  it("runs again after a deadlock, and both sides' writes land exactly once", async () => {
    const attempts = { first: 0, second: 0 };
    let arrived = 0;
    let release!: () => void;
    const bothHoldShareLock = new Promise<void>((resolve) => (release = resolve));
    const lockInOrder = (which: "first" | "second", order: [number, number]) =>
      inTransaction(db, async (manager) => {
        attempts[which]++;
        await manager.query("LOCK TABLE reliability_counter IN SHARE MODE");
        // Only on the first attempts: wait until the other side holds the share lock too.
        if (attempts[which] === 1) {
          if (++arrived === 2) release();
          await bothHoldShareLock;
        }
        for (const id of order) {
          await manager.query("UPDATE reliability_counter SET value = value + 1 WHERE id = $1", [
            id,
          ]);
        }
      });

    await Promise.all([lockInOrder("first", [1, 2]), lockInOrder("second", [2, 1])]);

    // One side was the deadlock victim and ran a second time; its first attempt left nothing.
    expect([attempts.first, attempts.second].sort()).toEqual([1, 2]);
    const rows = (await db.query(
      "SELECT id, value FROM reliability_counter ORDER BY id",
    )) as Array<{ id: number; value: number }>;
    expect(rows).toEqual([
      { id: 1, value: 2 },
      { id: 2, value: 2 },
    ]);
  });

  it("gives up after three attempts at a serialization failure, with nothing written", async () => {
    const [{ value: before }] = (await db.query(
      "SELECT value FROM reliability_counter WHERE id = 1",
    )) as [{ value: number }];
    let attempts = 0;
    const failing = inTransaction(db, async (manager) => {
      attempts++;
      await manager.query("UPDATE reliability_counter SET value = value + 100 WHERE id = 1");
      await manager.query(
        "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$",
      );
    });
    const error = await failing.catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe("40001");
    expect(attempts).toBe(3);
    const [{ value }] = (await db.query("SELECT value FROM reliability_counter WHERE id = 1")) as [
      { value: number },
    ];
    expect(value).toBe(before);
  });

  it("does not retry other errors", async () => {
    let attempts = 0;
    const error = await inTransaction(db, async (manager) => {
      attempts++;
      await manager.query("INSERT INTO reliability_counter VALUES (1, 0)");
    }).catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe("23505");
    expect(attempts).toBe(1);
  });
});
