import DataLoader from "dataloader";
import { User } from "../auth/user.entity.js";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { isUuid } from "../common/ids.js";
import { loggedIn, type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import { CaseMember, RegieAssignment, type TeamMemberBasis } from "./case.entity.js";
import { teamAccessSql, teamBasisSql } from "./case.policy.js";
import { contactPersonsSql, readTeamCasesById } from "./case.service.js";

/** The request's loaders of the case team, its members and regie (see server/request/loaders.ts). */
export function caseLoaders({ db, viewer }: LoaderScope) {
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
  };
}

type CaseLoaders = ReturnType<typeof caseLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends CaseLoaders {}
}
