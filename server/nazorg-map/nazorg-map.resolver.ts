import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../request/context.js";
import { NetworkAgreement } from "../network-agreement/network-agreement.entity.js";
import { NazorgMapFilter } from "./nazorg-map.inputs.js";
import { nazorgMap } from "./nazorg-map.service.js";
import { NazorgMap, NazorgMapRow } from "./nazorg-map.types.js";

// The map needs a login although the offerings behind it are public: it is the chain's
// planning tool and shows the network agreements, which are between partners. One rule for
// the page, this query and the CSV exports keeps that simple; the offerings themselves stay
// on the public sociale kaart.
@Resolver(() => NazorgMapRow)
export class NazorgMapResolver {
  @Authorized()
  @Query(() => NazorgMap, {
    description:
      "De nazorgkaart van een regio (standaard die van de eigen organisatie): aanbod per gemeente en niveau van het palet",
  })
  nazorgMap(
    @Arg("regionId", () => ID, { nullable: true }) regionId: string | null,
    @Arg("filter", () => NazorgMapFilter, { nullable: true }) filter: NazorgMapFilter | null,
    @Ctx() { db, viewer }: Context,
  ): Promise<NazorgMap> {
    return nazorgMap(db, viewer!, regionId, filter ?? {});
  }

  @FieldResolver(() => NetworkAgreement, {
    nullable: true,
    description: "De afspraak waarmee een organisatie vandaag de regie op nazorg heeft",
  })
  regieNazorg(
    @Root() row: NazorgMapRow,
    @Ctx() { loaders }: Context,
  ): Promise<NetworkAgreement | null> {
    return loaders.regieNazorgByGemeenteCode.load(row.gemeente.code);
  }

  @FieldResolver(() => [NetworkAgreement], {
    description: "Samenwerkingsafspraken in de gemeente die gelden of nog ingaan",
  })
  networkAgreements(
    @Root() row: NazorgMapRow,
    @Ctx() { loaders }: Context,
  ): Promise<NetworkAgreement[]> {
    return loaders.networkAgreementsByGemeenteCode.load(row.gemeente.code);
  }
}
