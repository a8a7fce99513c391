import { randomBytes } from "node:crypto";
import { DataSource } from "typeorm";
import { inject } from "vitest";
import { insertOffering, type NewOffering } from "../../server/offering/offering.service.js";
import {
  insertLocation,
  insertOrganization,
  type NewLocation,
  type NewOrganization,
} from "../../server/organization/organization.service.js";
import {
  Channel,
  DeliveredBy,
  OfferingStatus,
  OrganizationKind,
  ServiceModule,
  PaletteLevel,
  Phase,
} from "../../server/taxonomy/taxonomy.js";

import { hashPassword } from "../../server/auth/password.js";
import { Role } from "../../server/auth/role.js";

let connection: DataSource | undefined;

/** Direct database access for arranging test data, through the same services the app uses. */
export async function database(): Promise<DataSource> {
  if (!connection) {
    connection = new DataSource({ type: "postgres", url: inject("databaseUrl"), entities: [] });
    await connection.initialize();
  }
  return connection;
}

/** A made-up word that occurs in no other offering, to find exactly the test's own fixtures. */
export function uniqueWord(): string {
  const letters = [...randomBytes(8)].map((b) => "bcdfghjklmnpqrstvwxz"[b % 20]).join("");
  return `kk${letters}`;
}

/** What a worker fills in to publish an offering: a nazorg offering by phone in one gemeente. */
export function offeringInput(overrides: Record<string, unknown> = {}) {
  return {
    title: `Waakvlamcontact ${uniqueWord()}`,
    description:
      "Na de schuldregeling bellen vrijwilligers elke twee maanden om te horen hoe het gaat.",
    module: "WAAKVLAM_NAZORG",
    phases: ["NAZORG"],
    paletteLevel: "A7",
    lifeDomains: ["FINANCIEN"],
    targetGroups: [],
    channels: ["TELEFOON"],
    deliveredBy: ["VRIJWILLIGER"],
    documentsNeeded: false,
    languages: ["nl"],
    locationIds: [],
    gemeenten: ["GM0202"],
    ...overrides,
  };
}

export async function buildOrganization(overrides: Partial<NewOrganization> = {}): Promise<string> {
  return insertOrganization(await database(), {
    name: `Testorganisatie ${uniqueWord()}`,
    kind: OrganizationKind.VRIJWILLIGERSORGANISATIE,
    gemeenteCodes: ["GM0202"],
    contactPoint: { phone: "026 123 45 67", email: "loket@test.example" },
    nvvkMember: false,
    ...overrides,
  });
}

export async function buildLocation(
  organizationId: string,
  overrides: Partial<NewLocation> = {},
): Promise<string> {
  return insertLocation(await database(), organizationId, {
    name: "Testlocatie",
    street: "Teststraat 1",
    postcode: "6811 AA",
    city: "Arnhem",
    latitude: 51.98,
    longitude: 5.91,
    ...overrides,
  });
}

export async function buildOffering(overrides: Partial<NewOffering> = {}): Promise<string> {
  return insertOffering(await database(), {
    organizationId: overrides.organizationId ?? (await buildOrganization()),
    title: `Testaanbod ${uniqueWord()}`,
    description: "Een aanbod om mee te testen.",
    module: ServiceModule.WAAKVLAM_NAZORG,
    phases: [Phase.NAZORG],
    paletteLevel: PaletteLevel.A7,
    lifeDomains: [],
    targetGroups: [],
    channels: [Channel.TELEFOON],
    deliveredBy: [DeliveredBy.VRIJWILLIGER],
    documentsNeeded: false,
    languages: ["nl"],
    locationIds: [],
    gemeenteCodes: ["GM0202"],
    status: OfferingStatus.ACTIVE,
    lastVerifiedAt: new Date(),
    ...overrides,
  });
}

export const testPassword = "een-lang-testwachtwoord";
// Hashed once: every test user has the same password, and argon2 is slow on purpose.
let testPasswordHash: Promise<string> | undefined;

/** A user with a known password; returns the id and e-mail address. */
export async function buildUser(
  overrides: { organizationId?: string; roles?: Role[]; name?: string; email?: string } = {},
): Promise<{ id: string; email: string; organizationId: string }> {
  const organizationId = overrides.organizationId ?? (await buildOrganization());
  const email = overrides.email ?? `${uniqueWord()}@test.example`;
  const [{ id }] = (await (
    await database()
  ).query(
    `INSERT INTO app_user (organization_id, email, name, password_hash, roles)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      organizationId,
      email,
      overrides.name ?? "Test Medewerker",
      await (testPasswordHash ??= hashPassword(testPassword)),
      overrides.roles ?? [Role.MEDEWERKER],
    ],
  )) as [{ id: string }];
  return { id, email, organizationId };
}

/**
 * A region of its own with fresh gemeenten (and one PC4 area in each), so a test can count
 * everything in it without other tests' or the demo region's data.
 */
export async function buildRegion(
  gemeenteCount = 3,
): Promise<{ id: string; gemeenteCodes: string[]; postcodes: string[] }> {
  const db = await database();
  const word = uniqueWord();
  const [{ id }] = (await db.query("INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id", [
    word,
    `Testregio ${word}`,
  ])) as [{ id: string }];
  // Codes from GM9000 and PC4 areas from 1000 up, which no real gemeente or the demo uses;
  // taken under an advisory lock so parallel builders never pick the same.
  return db.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock(424242)");
    const [{ next }] = (await manager.query(
      `SELECT coalesce(max(substr(code, 3)::int) - 8999, 0) AS next FROM gemeente WHERE code >= 'GM9000'`,
    )) as [{ next: number }];
    const numbers = Array.from({ length: gemeenteCount }, (_, index) => next + index);
    const gemeenteCodes = numbers.map((n) => `GM${9000 + n}`);
    const postcodes = numbers.map((n) => String(1000 + n));
    for (const [index, code] of gemeenteCodes.entries()) {
      await manager.query("INSERT INTO gemeente (code, name, region_id) VALUES ($1, $2, $3)", [
        code,
        `Testgemeente ${word} ${index + 1}`,
        id,
      ]);
      await manager.query(
        "INSERT INTO postcode_area (code, latitude, longitude, gemeente_code) VALUES ($1, 52.1, 5.1, $2)",
        [postcodes[index], code],
      );
    }
    return { id, gemeenteCodes, postcodes };
  });
}
