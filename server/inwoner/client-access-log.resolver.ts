import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { Role } from "../security/viewer.js";
import { isOnClientTeam } from "./consent.service.js";
import type { Context } from "../request/context.js";
import { NotFoundError } from "../common/errors.js";
import { readClientAccessLog } from "../access-log/access-log.service.js";

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
      "CLIENT, CASE, CONSENT, REFERRAL, ZORGOVERLEG, AGREEMENT, NAZORG_PLAN, NAZORG_CONTACT of ACCESS_LOG (dit overzicht zelf)",
  })
  objectType: string;

  @Field(() => ID)
  objectId: string;

  @Field({
    description:
      "Grondslag: het casusteam, de toestemming, de eigen overdracht na intrekken, of regiobeheer",
  })
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
    return readClientAccessLog(db, viewer!, clientId);
  }
}
