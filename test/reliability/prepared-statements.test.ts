import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSource } from "typeorm";
import { inject } from "vitest";
import {
  queryPreparedRecent,
  recentStatementsPerConnection,
} from "../../server/db/prepared-statement.js";

// One connection, so every statement and the look at pg_prepared_statements share it.
let db: DataSource;

beforeAll(async () => {
  db = new DataSource({
    type: "postgres",
    url: inject("databaseUrl"),
    entities: [],
    extra: { max: 1 },
  });
  await db.initialize();
});

afterAll(async () => {
  await db.destroy();
});

const statement = (n: number) => `SELECT ${n}::int AS n, $1::text AS label`;

async function preparedOnConnection(): Promise<number> {
  const [{ count }] = (await db.query(
    "SELECT count(*)::int AS count FROM pg_prepared_statements WHERE name LIKE 'kk\\_%'",
  )) as [{ count: number }];
  return count;
}

describe("statements prepared with their values written in (searches)", () => {
  it("keeps only the most recent ones on a connection, and prepares a dropped one again", async () => {
    const extra = 4;
    for (let n = 1; n <= recentStatementsPerConnection + extra; n++) {
      expect(await queryPreparedRecent(db, statement(n), [`zoekopdracht ${n}`])).toEqual([
        { n, label: `zoekopdracht ${n}` },
      ]);
    }
    expect(await preparedOnConnection()).toBe(recentStatementsPerConnection);

    // The first was deallocated: it is prepared again and answers as before.
    expect(await queryPreparedRecent(db, statement(1), ["opnieuw"])).toEqual([
      { n: 1, label: "opnieuw" },
    ]);
    // A kept one runs on its prepared statement.
    const last = recentStatementsPerConnection + extra;
    expect(await queryPreparedRecent(db, statement(last), ["nog eens"])).toEqual([
      { n: last, label: "nog eens" },
    ]);
    expect(await preparedOnConnection()).toBe(recentStatementsPerConnection);
  });
});
