import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { Role } from "../auth/role.js";
import { isOnClientTeam } from "../client/consent.service.js";
import type { Context } from "../common/context.js";
import { NotFoundError } from "../common/errors.js";

@ObjectType({ description: "Eén toegang tot gegevens van een inwoner" })
export class AccessLogEntry {
  @Field()
  at: Date;

  @Field()
  userName: string;

  @Field()
  organizationName: string;

  @Field(() => [String])
  roles: string[];

  @Field({ description: "READ, CREATE of UPDATE" })
  action: string;

  @Field({
    description:
      "CLIENT, CASE, CONSENT, REFERRAL, ZORGOVERLEG, AGREEMENT, NAZORG_PLAN of NAZORG_CONTACT",
  })
  objectType: string;

  @Field(() => ID)
  objectId: string;

  @Field({ description: "Grondslag: het casusteam of de toestemming" })
  basis: string;
}

@Resolver()
export class AccessLogResolver {
  @Authorized(Role.BEHEERDER)
  @Query(() => [AccessLogEntry], {
    description:
      "Wie de gegevens van deze inwoner heeft ingezien of gewijzigd (voor beheerders van het casusteam)",
  })
  async clientAccessLog(
    @Arg("clientId", () => ID) clientId: string,
    @Ctx() { db, viewer }: Context,
  ) {
    if (!(await isOnClientTeam(db, viewer!, clientId))) {
      throw new NotFoundError("Deze inwoner bestaat niet of u heeft geen toegang.");
    }
    return db.query(
      `SELECT a.at, u.name AS "userName", o.name AS "organizationName", a.roles, a.action,
              a.object_type AS "objectType", a.object_id AS "objectId", a.basis
         FROM access_log a
         JOIN app_user u ON u.id = a.user_id
         JOIN organization o ON o.id = a.organization_id
        WHERE a.client_id = $1
        ORDER BY a.id DESC
        LIMIT 1000`,
      [clientId],
    );
  }
}
