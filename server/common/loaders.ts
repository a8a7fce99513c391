import DataLoader from "dataloader";
import { readLoggedByCase, selectLogged } from "../access-log/access-log.service.js";
import { Referral, ReferralEvent } from "../referral/referral.entity.js";
import { readReferralsLogged } from "../referral/referral.service.js";
import { In, IsNull, type DataSource } from "typeorm";
import { entityRowsWhereIn } from "./entity-rows.js";
import type { Viewer } from "../auth/session.service.js";
import { User } from "../auth/user.entity.js";
import { CaseMember, RegieAssignment, type TeamMemberBasis } from "../case/case.entity.js";
import { readTeamCasesById } from "../case/case.service.js";
import { teamAccessSql, teamBasisSql } from "../case/case.policy.js";
import { contactPersonsSql } from "../case/case.service.js";
import { isUuid } from "./ids.js";
import { Client } from "../inwoner/client.entity.js";
import { Consent } from "../inwoner/consent.entity.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { PostcodeArea } from "../geography/postcode-area.entity.js";
import { Region } from "../geography/region.entity.js";
import { type GeoPoint, regionOutlines } from "../geography/region-outline.js";
import { networkAgreementLoaders } from "../network-agreement/network-agreement.service.js";
import { Offering } from "../offering/offering.entity.js";
import { Location } from "../organization/location.entity.js";
import type { Config } from "../config.js";
import type { NazorgContact, RelapseRisk } from "../nazorg/nazorg-contact.entity.js";
import { NazorgPlan } from "../nazorg/nazorg-plan.entity.js";
import { contactSelectSql, relapseRiskSelectSql } from "../nazorg/nazorg.service.js";
import { Organization } from "../organization/organization.entity.js";
import { Agreement, Zorgoverleg, ZorgoverlegInvitee } from "../zorgoverleg/zorgoverleg.entity.js";

/** One loader per relation, created per request so nothing is cached across users. */
export function createLoaders(
  db: DataSource,
  viewer: Viewer | null,
  config: Pick<Config, "nazorgContactGraceDays">,
) {
  return {
    /** Whether the viewer's organisation is on the team of a case and may see it now. */
    isCaseMember: new DataLoader<string, boolean>(async (caseIds) => {
      if (!viewer) return caseIds.map(() => false);
      const rows = (await db.query(
        `SELECT m.case_id FROM case_member m
          WHERE m.organization_id = $1 AND m.case_id = ANY ($2::uuid[])
            AND ${teamAccessSql("m.case_id", "$1::uuid")}`,
        [viewer.organizationId, caseIds.filter(isUuid)],
      )) as Array<{ case_id: string }>;
      const member = new Set(rows.map((row) => row.case_id));
      return caseIds.map((id) => member.has(id));
    }),
    /** The nazorg plan of a case, logged as read by the statement that reads it. */
    nazorgPlanReadByCaseId: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          NazorgPlan,
          "caseId",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "NAZORG_PLAN", "CASE_TEAM"),
        ),
      (p) => p.caseId,
    ),
    /** A nazorg plan by id (after a change), logged as read. */
    nazorgPlanRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          NazorgPlan,
          "id",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "NAZORG_PLAN", "CASE_TEAM"),
        ),
      (p) => p.id,
    ),
    /** A plan's contact moments by date, each logged as read. */
    nazorgContactsReadByPlanId: manyByKey(
      (ids): Promise<NazorgContact[]> =>
        selectLogged(
          db,
          loggedIn(viewer),
          { type: "NAZORG_CONTACT", clientId: `"clientId"` },
          "CASE_TEAM",
          `${contactSelectSql} WHERE c.plan_id = ANY($2)`,
          [config.nazorgContactGraceDays, ids],
          `coalesce("plannedOn", "heldOn"), "heldOn" NULLS LAST, id`,
        ),
      (c) => c.planId,
    ),
    relapseRisksByCaseId: manyByKey(
      (ids): Promise<RelapseRisk[]> =>
        db.query(`${relapseRiskSelectSql} WHERE r.case_id = ANY($1) ORDER BY r.since DESC, r.id`, [
          ids,
        ]),
      (r) => r.caseId,
    ),
    /** Contacts by id (those that raised or cleared a relapse risk), each logged as read. */
    nazorgContactRead: oneByKey(
      (ids): Promise<NazorgContact[]> =>
        selectLogged(
          db,
          loggedIn(viewer),
          { type: "NAZORG_CONTACT", clientId: `"clientId"` },
          "CASE_TEAM",
          `${contactSelectSql} WHERE c.id = ANY($2)`,
          [config.nazorgContactGraceDays, ids],
        ),
      (c) => c.id,
    ),
    /** Reads clients and logs each read in the same statement: a list of cases writes no more. */
    clientRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(db, Client, "id", ids, undefined, (sql, parameters) =>
          selectLogged(
            db,
            loggedIn(viewer),
            { type: "CLIENT", clientId: "id" },
            "CASE_TEAM",
            sql,
            parameters,
          ),
        ),
      (c) => c.id,
    ),
    /** Cases of the viewer's teams, each logged as read; null for any other case. */
    caseRead: oneByKey(
      (ids) => readTeamCasesById(db, loggedIn(viewer), ids),
      (c) => c.id,
    ),
    /** On what basis each organisation of a case team is on it, and whether that still holds. */
    teamBasesByCaseId: manyByKey(
      (ids): Promise<Array<{ caseId: string; organizationId: string; basis: TeamMemberBasis }>> =>
        db.query(teamBasisSql, [ids]),
      (b) => b.caseId,
    ),
    /**
     * The contact persons of a team organisation on a case ("caseId/organizationId"): its active
     * workers named on the case or who acted on it. Another organisation's workers are shown
     * only as far as the case needs them, never the whole organisation.
     */
    contactPersonsByCaseMember: manyByKey(
      (keys): Promise<Array<User & { key: string }>> =>
        db
          .query(contactPersonsSql, [keys])
          .then((rows: Array<User & { key: string }>) =>
            rows.map((row) => Object.assign(new User(), row)),
          ),
      (u) => u.key,
    ),
    caseMembersByCaseId: manyByKey(
      (ids) => entityRowsWhereIn(db, CaseMember, "caseId", ids, { joinedAt: "ASC" }),
      (m) => m.caseId,
    ),
    regieHistoryByCaseId: manyByKey(
      (ids) =>
        entityRowsWhereIn(db, RegieAssignment, "caseId", ids, { startedAt: "ASC", id: "ASC" }),
      (r) => r.caseId,
    ),
    regionById: oneByKey(
      (ids) => entityRowsWhereIn(db, Region, "id", ids),
      (r) => r.id,
    ),
    regionOutlineById: new DataLoader<string, GeoPoint[]>(async (ids) => {
      const outlines = await regionOutlines(db, ids);
      return ids.map((id) => outlines.get(id) ?? []);
    }),
    gemeenteByCode: oneByKey(
      (codes) => entityRowsWhereIn(db, Gemeente, "code", codes),
      (g) => g.code,
    ),
    gemeentenByRegionId: manyByKey(
      (ids) => entityRowsWhereIn(db, Gemeente, "regionId", ids, { name: "ASC" }),
      (g) => g.regionId ?? "",
    ),
    postcodeAreasByGemeenteCode: manyByKey(
      (codes) => entityRowsWhereIn(db, PostcodeArea, "gemeenteCode", codes, { code: "ASC" }),
      (p) => p.gemeenteCode,
    ),
    userById: oneByKey(
      (ids) => entityRowsWhereIn(db, User, "id", ids),
      (u) => u.id,
    ),
    organizationById: oneByKey(
      (ids) => entityRowsWhereIn(db, Organization, "id", ids),
      (o) => o.id,
    ),
    locationsByOrganizationId: manyByKey(
      (ids) =>
        entityRowsWhereIn(db, Location, "organizationId", ids, { city: "ASC", street: "ASC" }),
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
      (ids) => entityRowsWhereIn(db, Offering, "id", ids),
      (o) => o.id,
    ),
    /** Active workers of an organisation, by name: to name as owner or regie holder. */
    activeUsersByOrganizationId: manyByKey(
      (ids) =>
        db.getRepository(User).find({
          where: { organizationId: In(ids), disabledAt: IsNull() },
          order: { name: "ASC" },
        }),
      (u) => u.organizationId,
    ),
    /** A zorgoverleg by id, logged as read; only the team's are asked for. */
    zorgoverlegRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Zorgoverleg,
          "id",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "ZORGOVERLEG", "CASE_TEAM"),
        ),
      (z) => z.id,
    ),
    /** A case's zorgoverleggen, newest first, each logged as read. */
    zorgoverleggenReadByCaseId: manyByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Zorgoverleg,
          "caseId",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "ZORGOVERLEG", "CASE_TEAM", `"startsAt" DESC, id`),
        ),
      (z) => z.caseId,
    ),
    /** Agreements by id ("mijn afspraken", the dashboard), each logged as read. */
    agreementRead: oneByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Agreement,
          "id",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "AGREEMENT", "CASE_TEAM"),
        ),
      (a) => a.id,
    ),
    /** A client's consents, newest first, each logged as read. */
    consentsReadByClientId: manyByKey(
      (ids) =>
        entityRowsWhereIn(db, Consent, "clientId", ids, undefined, (sql, parameters) =>
          selectLogged(
            db,
            loggedIn(viewer),
            { type: "CONSENT", clientId: `"clientId"` },
            "CASE_TEAM",
            sql,
            parameters,
            `"recordedAt" DESC, id`,
          ),
        ),
      (c) => c.clientId,
    ),
    inviteesByZorgoverlegId: manyByKey(
      (ids) => entityRowsWhereIn(db, ZorgoverlegInvitee, "zorgoverlegId", ids),
      (i) => i.zorgoverlegId,
    ),
    /** A zorgoverleg's agreements, each logged as read. */
    agreementsByZorgoverlegId: manyByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Agreement,
          "zorgoverlegId",
          ids,
          undefined,
          readLoggedByCase(db, loggedIn(viewer), "AGREEMENT", "CASE_TEAM", `"createdAt", id`),
        ),
      (a) => a.zorgoverlegId,
    ),
    regieDecisionByZorgoverlegId: oneByKey(
      (ids) => entityRowsWhereIn(db, RegieAssignment, "zorgoverlegId", ids),
      (r) => r.zorgoverlegId ?? "",
    ),
    offeringsByOrganizationId: manyByKey(
      (ids) => entityRowsWhereIn(db, Offering, "organizationId", ids, { title: "ASC" }),
      (o) => o.organizationId,
    ),
    /** A case's referrals, each logged as read through the case team. */
    referralsByCaseId: manyByKey(
      (ids) =>
        entityRowsWhereIn(
          db,
          Referral,
          "caseId",
          ids,
          undefined,
          readReferralsLogged(db, loggedIn(viewer), "CASE_TEAM", `"createdAt" DESC, id`),
        ),
      (r) => r.caseId,
    ),
    referralEventsByReferralId: manyByKey(
      (ids) => entityRowsWhereIn(db, ReferralEvent, "referralId", ids, { id: "ASC" }),
      (e) => e.referralId,
    ),
    ...networkAgreementLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The viewer of a read that is logged: client data is only read by a logged-in user. */
function loggedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Error("client data is read only by a logged-in user");
  return viewer;
}

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
