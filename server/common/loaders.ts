import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import type { Viewer } from "../auth/session.service.js";
import { User } from "../auth/user.entity.js";
import { CaseMember, RegieAssignment } from "../case/case.entity.js";
import { Client } from "../client/client.entity.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { PostcodeArea } from "../geography/postcode-area.entity.js";
import { Region } from "../geography/region.entity.js";
import { networkAgreementLoaders } from "../network-agreement/network-agreement.service.js";
import { Offering } from "../offering/offering.entity.js";
import { Location } from "../organization/location.entity.js";
import { Organization } from "../organization/organization.entity.js";

/** One loader per relation, created per request so nothing is cached across users. */
export function createLoaders(db: DataSource, viewer: Viewer | null) {
  return {
    /** Whether the viewer's organisation is on the team of a case. */
    isCaseMember: new DataLoader<string, boolean>(async (caseIds) => {
      if (!viewer) return caseIds.map(() => false);
      const rows = (await db.query(
        "SELECT case_id FROM case_member WHERE organization_id = $1 AND case_id = ANY ($2::uuid[])",
        [viewer.organizationId, caseIds],
      )) as Array<{ case_id: string }>;
      const member = new Set(rows.map((row) => row.case_id));
      return caseIds.map((id) => member.has(id));
    }),
    clientById: oneByKey(
      (ids) => db.getRepository(Client).findBy({ id: In(ids) }),
      (c) => c.id,
    ),
    caseMembersByCaseId: manyByKey(
      (ids) =>
        db
          .getRepository(CaseMember)
          .find({ where: { caseId: In(ids) }, order: { joinedAt: "ASC" } }),
      (m) => m.caseId,
    ),
    regieHistoryByCaseId: manyByKey(
      (ids) =>
        db
          .getRepository(RegieAssignment)
          .find({ where: { caseId: In(ids) }, order: { startedAt: "ASC", id: "ASC" } }),
      (r) => r.caseId,
    ),
    regionById: oneByKey(
      (ids) => db.getRepository(Region).findBy({ id: In(ids) }),
      (r) => r.id,
    ),
    gemeenteByCode: oneByKey(
      (codes) => db.getRepository(Gemeente).findBy({ code: In(codes) }),
      (g) => g.code,
    ),
    gemeentenByRegionId: manyByKey(
      (ids) =>
        db.getRepository(Gemeente).find({ where: { regionId: In(ids) }, order: { name: "ASC" } }),
      (g) => g.regionId ?? "",
    ),
    postcodeAreasByGemeenteCode: manyByKey(
      (codes) =>
        db
          .getRepository(PostcodeArea)
          .find({ where: { gemeenteCode: In(codes) }, order: { code: "ASC" } }),
      (p) => p.gemeenteCode,
    ),
    userById: oneByKey(
      (ids) => db.getRepository(User).findBy({ id: In(ids) }),
      (u) => u.id,
    ),
    organizationById: oneByKey(
      (ids) => db.getRepository(Organization).findBy({ id: In(ids) }),
      (o) => o.id,
    ),
    locationsByOrganizationId: manyByKey(
      (ids) =>
        db
          .getRepository(Location)
          .find({ where: { organizationId: In(ids) }, order: { city: "ASC", street: "ASC" } }),
      (l) => l.organizationId,
    ),
    locationsByOfferingId: manyByKey(
      // Plain SQL: one location may serve several offerings of the batch.
      (ids): Promise<Array<Location & { offeringId: string }>> =>
        db.query(
          `SELECT link.offering_id AS "offeringId", l.id, l.organization_id AS "organizationId",
                  l.name, l.street, l.postcode, l.city, l.latitude, l.longitude,
                  l.gemeente_code AS "gemeenteCode"
             FROM offering_location link JOIN location l ON l.id = link.location_id
            WHERE link.offering_id = ANY($1)
            ORDER BY l.city, l.street`,
          [ids],
        ),
      (l) => l.offeringId,
    ),
    offeringById: oneByKey(
      (ids) => db.getRepository(Offering).findBy({ id: In(ids) }),
      (o) => o.id,
    ),
    offeringsByOrganizationId: manyByKey(
      (ids) =>
        db
          .getRepository(Offering)
          .find({ where: { organizationId: In(ids) }, order: { title: "ASC" } }),
      (o) => o.organizationId,
    ),
    ...networkAgreementLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function oneByKey<V>(fetch: (keys: string[]) => Promise<V[]>, keyOf: (value: V) => string) {
  return new DataLoader<string, V | null>(async (keys) => {
    const byKey = new Map((await fetch([...keys])).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

function manyByKey<V>(fetch: (keys: string[]) => Promise<V[]>, keyOf: (value: V) => string) {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>(keys.map((key) => [key, []]));
    for (const value of await fetch([...keys])) groups.get(keyOf(value))?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
