import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { DataSource, EntityManager } from "typeorm";
import {
  parsePostcodeAreasCsv,
  upsertPostcodeAreas,
} from "../server/geography/geography.service.js";
import { insertNetworkAgreement } from "../server/network-agreement/network-agreement.service.js";
import type { NetworkAgreementKind } from "../server/network-agreement/network-agreement.entity.js";
import { insertOffering } from "../server/offering/offering.service.js";
import { insertLocation, insertOrganization } from "../server/organization/organization.service.js";
import { hashPassword } from "../server/auth/password.js";
import type { Role } from "../server/auth/role.js";
import { repoRoot } from "../server/paths.js";
import type {
  Channel,
  DeliveredBy,
  LifeDomain,
  OfferingStatus,
  OrganizationKind,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../server/taxonomy/taxonomy.js";

/** The demo region: real gemeenten and PC4 areas, fictional organisations and offerings. */
const demoDir = path.join(repoRoot, "seeds", "demo-region");

interface ContactPersonSeed {
  name: string;
  phone?: string | null;
  email?: string | null;
}

interface OrganizationSeed {
  key: string;
  name: string;
  kind: OrganizationKind;
  description: string;
  gemeenten: string[];
  contactPoint: {
    phone?: string;
    email?: string;
    address?: string;
    openingHours?: string;
    walkInHours?: string;
  };
  website: string | null;
  nvvkMember: boolean;
  coordinator: ContactPersonSeed | null;
  locations: Array<{
    key: string;
    name: string | null;
    street: string;
    postcode: string;
    city: string;
    latitude: number;
    longitude: number;
  }>;
  offerings: Array<{
    title: string;
    description: string;
    module: ServiceModule;
    phases: Phase[];
    paletteLevel: PaletteLevel | null;
    lifeDomains: LifeDomain[];
    targetGroups: TargetGroup[];
    channels: Channel[];
    deliveredBy: DeliveredBy[];
    frequency: string | null;
    duration: string | null;
    costs: string | null;
    waitingTime: string | null;
    capacity: { available: number; total: number | null } | null;
    documentsNeeded: boolean;
    documentsNote: string | null;
    languages: string[];
    locations: string[];
    gemeenten: string[];
    contactPerson: ContactPersonSeed | null;
    status: OfferingStatus;
    lastVerifiedDaysAgo: number;
  }>;
}

/** Every demo account has this password; never seeded in production. */
export const demoPassword = "ketenkaart-demo";

interface DemoUser {
  organization: string;
  email: string;
  name: string;
  roles: Role[];
}

export async function demoUsers(): Promise<DemoUser[]> {
  return JSON.parse(await readFile(path.join(demoDir, "users.json"), "utf8")) as DemoUser[];
}

/**
 * Seeds the demo region into an empty database; returns whether it did. Demo accounts come
 * along unless `withDemoUsers` is false (production).
 */
export async function seedDemoRegionIfEmpty(
  db: DataSource,
  withDemoUsers: boolean,
): Promise<boolean> {
  return db.transaction(async (manager) => {
    // Serialises concurrent seeders that bypass the startup lock (db:seed while running).
    await manager.query("LOCK TABLE region IN EXCLUSIVE MODE");
    const [{ count }] = (await manager.query("SELECT count(*)::int AS count FROM region")) as [
      { count: number },
    ];
    if (count > 0) return false;
    const organizationIds = await seedDemoRegion(manager);
    await seedNetworkAgreements(manager, organizationIds);
    if (withDemoUsers) await seedDemoUsers(manager, organizationIds);
    return true;
  });
}

async function seedDemoUsers(manager: EntityManager, organizationIds: Map<string, string>) {
  const passwordHash = await hashPassword(demoPassword);
  for (const user of await demoUsers()) {
    const organizationId = organizationIds.get(user.organization);
    if (!organizationId)
      throw new Error(`users.json names unknown organisation ${user.organization}`);
    await manager.query(
      `INSERT INTO app_user (organization_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)`,
      [organizationId, user.email, user.name, passwordHash, user.roles],
    );
  }
}

/** Returns the ids of the organisations by their key in the seed files. */
async function seedDemoRegion(manager: EntityManager): Promise<Map<string, string>> {
  const region = JSON.parse(await readFile(path.join(demoDir, "region.json"), "utf8")) as {
    code: string;
    name: string;
    gemeenten: Array<{ code: string; name: string }>;
  };
  const [{ id: regionId }] = (await manager.query(
    "INSERT INTO region (code, name) VALUES ($1, $2) RETURNING id",
    [region.code, region.name],
  )) as [{ id: string }];
  await manager.query(
    `INSERT INTO gemeente (code, name, region_id)
     SELECT code, name, $3 FROM unnest($1::text[], $2::text[]) AS g(code, name)`,
    [region.gemeenten.map((g) => g.code), region.gemeenten.map((g) => g.name), regionId],
  );
  const areas = parsePostcodeAreasCsv(
    await readFile(path.join(demoDir, "postcode-areas.csv"), "utf8"),
  );
  await upsertPostcodeAreas(manager, areas);

  const organizationsDir = path.join(demoDir, "organizations");
  const files = (await readdir(organizationsDir)).filter((f) => f.endsWith(".json")).sort();
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * 86_400_000);

  const organizationIds = new Map<string, string>();
  for (const file of files) {
    const seed = JSON.parse(
      await readFile(path.join(organizationsDir, file), "utf8"),
    ) as OrganizationSeed;
    const organizationId = await insertOrganization(manager, {
      ...seed,
      gemeenteCodes: seed.gemeenten,
    });
    organizationIds.set(seed.key, organizationId);
    const locationIds = new Map<string, string>();
    for (const location of seed.locations) {
      locationIds.set(location.key, await insertLocation(manager, organizationId, location));
    }
    for (const offering of seed.offerings) {
      const verifiedAt = daysAgo(offering.lastVerifiedDaysAgo);
      await insertOffering(manager, {
        ...offering,
        organizationId,
        capacity: offering.capacity && { ...offering.capacity, updatedAt: verifiedAt },
        gemeenteCodes: offering.gemeenten,
        locationIds: offering.locations.map((key) => {
          const id = locationIds.get(key);
          if (!id) throw new Error(`${file}: "${offering.title}" names unknown location ${key}`);
          return id;
        }),
        lastVerifiedAt: verifiedAt,
      });
    }
  }
  return organizationIds;
}

interface NetworkAgreementSeed {
  kind: NetworkAgreementKind;
  title: string;
  description: string | null;
  parties: string[];
  regie: string | null;
  gemeenten: string[];
  responseNormWorkingDays: number | null;
  validFrom: string;
  validUntil: string | null;
}

/** Who holds regie on nazorg where, and a few covenants; Doesburg and Overbetuwe have no regie. */
async function seedNetworkAgreements(
  manager: EntityManager,
  organizationIds: Map<string, string>,
): Promise<void> {
  const seeds = JSON.parse(
    await readFile(path.join(demoDir, "network-agreements.json"), "utf8"),
  ) as NetworkAgreementSeed[];
  const idOf = (key: string) => {
    const id = organizationIds.get(key);
    if (!id) throw new Error(`network-agreements.json names unknown organisation ${key}`);
    return id;
  };
  for (const seed of seeds) {
    await insertNetworkAgreement(
      manager,
      {
        ...seed,
        partyIds: seed.parties.map(idOf),
        regieOrganizationId: seed.regie && idOf(seed.regie),
        gemeenteCodes: seed.gemeenten,
      },
      null,
    );
  }
}
