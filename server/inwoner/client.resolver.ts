import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { User } from "../auth/user.entity.js";
import { amsterdamToday } from "../common/amsterdam-time.js";
import type { Context } from "../request/context.js";
import { Gemeente } from "../geography/gemeente.entity.js";
import { Organization } from "../organization/organization.entity.js";
import { Client } from "./client.entity.js";
import { Consent } from "./consent.entity.js";
import { ConsentInput } from "./consent.inputs.js";
import { isOnClientTeam, recordConsent, withdrawConsent } from "./consent.service.js";

@Resolver(() => Client)
export class ClientResolver {
  @FieldResolver(() => Gemeente, { nullable: true })
  gemeente(@Root() client: Client, @Ctx() { loaders }: Context) {
    return client.gemeenteCode ? loaders.gemeenteByCode.load(client.gemeenteCode) : null;
  }

  @FieldResolver(() => [Consent], { description: "Vastgelegde toestemmingen, nieuwste eerst" })
  async consents(
    @Root() client: Client,
    @Ctx() { db, viewer, loaders }: Context,
  ): Promise<Consent[]> {
    if (!viewer || !(await isOnClientTeam(db, viewer, client.id))) return [];
    return loaders.consentsReadByClientId.load(client.id);
  }

  @Authorized()
  @Mutation(() => Consent, { description: "Leg de toestemming van de inwoner vast" })
  async recordConsent(
    @Arg("clientId", () => ID) clientId: string,
    @Arg("input") input: ConsentInput,
    @Ctx() { db, viewer }: Context,
  ): Promise<Consent | null> {
    const id = await recordConsent(db, viewer!, clientId, input);
    return db.getRepository(Consent).findOneBy({ id });
  }

  @Authorized()
  @Mutation(() => Consent, {
    description: "Trek een toestemming in; vanaf nu wordt er niets meer op gedeeld",
  })
  async withdrawConsent(
    @Arg("consentId", () => ID) consentId: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Consent | null> {
    await withdrawConsent(db, viewer!, consentId);
    return db.getRepository(Consent).findOneBy({ id: consentId });
  }
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => [Organization], { description: "Wie de gegevens mag ontvangen" })
  async recipients(@Root() consent: Consent, @Ctx() { loaders }: Context): Promise<Organization[]> {
    const organizations = await loaders.organizationById.loadMany(consent.recipientOrganizationIds);
    return organizations.filter(
      (o): o is Organization => o instanceof Object && !(o instanceof Error),
    );
  }

  @FieldResolver(() => User)
  recordedBy(@Root() consent: Consent, @Ctx() { loaders }: Context) {
    return loaders.userById.load(consent.recordedByUserId);
  }

  @FieldResolver(() => User, { nullable: true })
  withdrawnBy(@Root() consent: Consent, @Ctx() { loaders }: Context) {
    return consent.withdrawnByUserId ? loaders.userById.load(consent.withdrawnByUserId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Niet ingetrokken en nog niet verlopen" })
  isValid(@Root() consent: Consent): boolean {
    return consent.withdrawnAt === null && consent.validUntil >= amsterdamToday();
  }
}
