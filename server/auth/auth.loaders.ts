import { In, IsNull } from "typeorm";
import { entityRowsWhereIn } from "../db/entity-rows.js";
import { type LoaderScope, manyByKey, oneByKey } from "../request/loaders.js";
import { User } from "./user.entity.js";

/** The request's loaders of users (see server/request/loaders.ts). */
export function authLoaders({ db }: LoaderScope) {
  return {
    userById: oneByKey(
      (ids) => entityRowsWhereIn(db, User, "id", ids),
      (u) => u.id,
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
  };
}

type AuthLoaders = ReturnType<typeof authLoaders>;

declare module "../request/loaders.js" {
  interface Loaders extends AuthLoaders {}
}
