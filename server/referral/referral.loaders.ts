import { entityRowsWhereIn } from "../db/entity-rows.js";
import { loggedIn, type LoaderScope, manyByKey } from "../request/loaders.js";
import { Referral, ReferralEvent } from "./referral.entity.js";
import { readReferralsLogged } from "./referral.queries.js";

/** The request's loaders of referrals and their steps (see server/request/loaders.ts). */
export function referralLoaders({ db, viewer }: LoaderScope) {
  return {
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
  };
}

type ReferralLoaders = ReturnType<typeof referralLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends ReferralLoaders {}
}
