import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Role } from "../security/viewer.js";
import type { Context } from "../request/context.js";
import { NotFoundError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import {
  removeSingleSignOnConnection,
  setSingleSignOnConnection,
  singleSignOnConnection,
} from "./single-sign-on.service.js";
import { SetSingleSignOnInput, SingleSignOnConnection } from "./single-sign-on.types.js";

const existing = (organizationId: string) => {
  if (!isUuid(organizationId)) throw new NotFoundError("Deze organisatie bestaat niet.");
  return organizationId;
};

@Resolver()
export class SingleSignOnResolver {
  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Query(() => SingleSignOnConnection, {
    nullable: true,
    description: "Inloggen via de organisatie, als dat is ingesteld (nooit het client secret)",
  })
  singleSignOnConnection(
    @Arg("organizationId", () => ID) organizationId: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<SingleSignOnConnection | null> {
    return singleSignOnConnection(db, viewer!, existing(organizationId));
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => SingleSignOnConnection, {
    description:
      "Stel inloggen via de organisatie in, of vervang het; de issuer moet bereikbaar zijn",
  })
  setSingleSignOn(
    @Arg("input") input: SetSingleSignOnInput,
    @Ctx() { db, viewer, config }: Context,
  ): Promise<SingleSignOnConnection> {
    return setSingleSignOnConnection(
      db,
      viewer!,
      { ...input, clientSecret: input.clientSecret ?? null },
      { key: config.singleSignOnKey!, production: config.production },
    );
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => Boolean, {
    description:
      "Verwijder inloggen via de organisatie: de medewerkers loggen weer in met een wachtwoord",
  })
  removeSingleSignOn(
    @Arg("organizationId", () => ID) organizationId: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<boolean> {
    return removeSingleSignOnConnection(db, viewer!, existing(organizationId));
  }
}
