import { selectLogged } from "../access-log/access-log.service.js";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { loggedIn, type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import { Client } from "./client.entity.js";
import { Consent } from "./consent.entity.js";

/** The request's loaders of clients and their consents (see server/request/loaders.ts). */
export function inwonerLoaders({ db, viewer }: LoaderScope) {
  return {
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
  };
}

type InwonerLoaders = ReturnType<typeof inwonerLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends InwonerLoaders {}
}
