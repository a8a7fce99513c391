import { DataSource } from "typeorm";
import { describe, expect, inject, it } from "vitest";
import { migrations } from "../../migrations/index.js";
import { NormalizedEmailAddresses1765400000000 } from "../../migrations/1765400000000-NormalizedEmailAddresses.js";
import { createDatabase, queryDatabase } from "../support/cluster.js";

const before = migrations.slice(0, migrations.indexOf(NormalizedEmailAddresses1765400000000));

/** Runs these migrations on the database, as the owner. */
async function migrate(url: string, list: typeof migrations): Promise<void> {
  const db = new DataSource({
    type: "postgres",
    url,
    migrations: list,
    migrationsTransactionMode: "each",
  });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: "each" });
  } finally {
    await db.destroy();
  }
}

/** A database as it was before addresses had one form, with accounts of these addresses. */
async function databaseWithAccounts(emails: string[]) {
  const database = await createDatabase(inject("clusterUrl"), "emails");
  await migrate(database.url, before);
  const [{ id }] = await queryDatabase<{ id: string }>(
    database.url,
    "INSERT INTO organization (name, kind) VALUES ('Testorganisatie', 'OVERIG') RETURNING id",
  );
  for (const email of emails) {
    await queryDatabase(
      database.url,
      `INSERT INTO app_user (organization_id, email, name, password_hash, roles)
       VALUES ($1, $2, 'Test Medewerker', 'x', '{MEDEWERKER}')`,
      [id, email],
    );
  }
  return database;
}

describe("the migration to one form of e-mail address", () => {
  it("stores the accounts' addresses in that form", async () => {
    const database = await databaseWithAccounts([
      "Sanne.DeVries@Wijkteam.example",
      "ｍｏｈａｍｅｄ@wijkteam.example",
      "İnge@wijkteam.example",
    ]);
    try {
      await migrate(database.url, migrations);
      const stored = await queryDatabase<{ email: string }>(
        database.url,
        "SELECT email FROM app_user",
      );
      expect(stored.map((row) => row.email).sort()).toEqual([
        "mohamed@wijkteam.example",
        "sanne.devries@wijkteam.example",
        "İnge@wijkteam.example",
      ]);
    } finally {
      await database.drop();
    }
  });

  it("stops, naming the accounts, when two addresses have the same form", async () => {
    // One address to the new form, two to lower(): the old unique index let both in.
    const database = await databaseWithAccounts(["kees@test.example", "ｋees@test.example"]);
    try {
      const ids = await queryDatabase<{ id: string }>(
        database.url,
        "SELECT id FROM app_user ORDER BY created_at, id",
      );
      await expect(migrate(database.url, migrations)).rejects.toThrow(
        `accounts share an e-mail address once normalised (app_user ids): ${ids.map((row) => row.id).join(", ")}`,
      );
      // Nothing of it was applied: the addresses are as they were.
      const stored = await queryDatabase<{ email: string }>(
        database.url,
        "SELECT email FROM app_user",
      );
      expect(stored.map((row) => row.email).sort()).toEqual([
        "kees@test.example",
        "ｋees@test.example",
      ]);
    } finally {
      await database.drop();
    }
  });
});
