import { Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../request/context.js";
import { Organization } from "../organization/organization.entity.js";

@ObjectType({
  description: "Wat de privacypagina nodig heeft: de bewaartermijn en wie de regio beheert",
})
export class PrivacyInfo {
  @Field(() => Int, {
    description:
      "Na zoveel maanden na het afsluiten van al zijn casussen wordt een inwoner geanonimiseerd",
  })
  retentionClosedCaseMonths: number;

  @Field(() => [Organization], {
    description: "De organisaties van de regiobeheerders: hier kan een inwoner terecht met vragen",
  })
  regionalAdministrators: Organization[];
}

@Resolver()
export class PrivacyResolver {
  // Public: the privacy page is for inwoners too, who never log in.
  @Query(() => PrivacyInfo, { description: "Gegevens voor de privacypagina (openbaar)" })
  async privacy(@Ctx() { db, config, loaders }: Context): Promise<PrivacyInfo> {
    const rows = (await db.query(
      `SELECT DISTINCT o.id, o.name FROM organization o JOIN app_user u ON u.organization_id = o.id
        WHERE 'REGIO_BEHEERDER' = ANY (u.roles) AND u.disabled_at IS NULL
        ORDER BY o.name, o.id`,
    )) as Array<{ id: string }>;
    const organizations = await loaders.organizationById.loadMany(rows.map((row) => row.id));
    return {
      retentionClosedCaseMonths: config.retentionClosedCaseMonths,
      regionalAdministrators: organizations.filter(
        (organization): organization is Organization => organization instanceof Organization,
      ),
    };
  }
}
