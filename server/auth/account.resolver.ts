import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../request/context.js";
import { NotFoundError, UserInputError } from "../common/errors.js";
import { isUuid } from "../common/ids.js";
import {
  acceptInvitation,
  disableAccount,
  enableAccount,
  invitationFor,
  inviteWorker,
  onboardPartner,
  organizationAccounts,
  resendInvitation,
  revokeInvitation,
  setAccountRoles,
} from "./account.service.js";
import {
  AcceptInvitationInput,
  Account,
  ChangePasswordInput,
  OwnSession,
  InvitationDetails,
  InvitationSent,
  InviteWorkerInput,
  OnboardPartnerInput,
  PartnerOnboarded,
  PasswordResetDetails,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SecurityEvent,
} from "./account.types.js";
import { normalizeEmail } from "./email-address.js";
import { resetSecondFactor } from "./second-factor.service.js";
import { LoginResult } from "./auth.inputs.js";
import { logIn } from "./auth.resolver.js";
import { Role } from "./role.js";
import { passwordResetFor, requestPasswordReset, resetPassword } from "./password-reset.service.js";
import { changeOwnPassword, endOwnSession, ownSessions } from "./own-account.service.js";
import { securityEvents } from "./security-log.js";

/** One account as its beheerder sees it, after a change. */
async function accountOf(context: Context, userId: string): Promise<Account> {
  const user = isUuid(userId) ? await context.loaders.userById.load(userId) : null;
  if (!user) throw new NotFoundError("Dit account bestaat niet.");
  const accounts = await organizationAccounts(context.db, context.viewer!, user.organizationId);
  return accounts.find((account) => account.id === userId)!;
}

const existing = (userId: string) => {
  if (!isUuid(userId)) throw new NotFoundError("Dit account bestaat niet.");
  return userId;
};

@Resolver()
export class AccountResolver {
  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Query(() => [Account], {
    description: "De accounts van een organisatie (haar beheerder, of de regiobeheerder)",
  })
  organizationAccounts(
    @Arg("organizationId", () => ID) organizationId: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<Account[]> {
    if (!isUuid(organizationId)) throw new NotFoundError("Deze organisatie bestaat niet.");
    return organizationAccounts(db, viewer!, organizationId);
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Query(() => [SecurityEvent], {
    description: "Het beveiligingslogboek van een organisatie, nieuwste eerst",
  })
  securityEvents(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Ctx() { db, viewer }: Context,
  ): Promise<SecurityEvent[]> {
    if (!isUuid(organizationId)) throw new NotFoundError("Deze organisatie bestaat niet.");
    if (first < 1 || first > 200) {
      throw new UserInputError("Vraag tussen 1 en 200 regels van het logboek op.", "first");
    }
    return securityEvents(db, viewer!, organizationId, first) as Promise<SecurityEvent[]>;
  }

  @Query(() => InvitationDetails, {
    nullable: true,
    description: "Voor wie een uitnodigingslink is; null als de link niet (meer) werkt",
  })
  invitation(
    @Arg("token") token: string,
    @Ctx() { db }: Context,
  ): Promise<InvitationDetails | null> {
    return invitationFor(db, token);
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => InvitationSent, {
    description:
      "Nodig iemand uit voor een account bij de eigen organisatie (of, als regiobeheerder, bij elke)",
  })
  async inviteWorker(
    @Arg("input") input: InviteWorkerInput,
    @Ctx() context: Context,
  ): Promise<InvitationSent> {
    const { userId, link } = await inviteWorker(
      context.db,
      context.viewer!,
      input,
      context.config.mail,
    );
    return { account: await accountOf(context, userId), link };
  }

  @Authorized(Role.REGIO_BEHEERDER)
  @Mutation(() => PartnerOnboarded, {
    description:
      "Voeg een ketenpartner toe met zijn eerste beheerder, die meteen een uitnodiging krijgt (regiobeheerder)",
  })
  async onboardPartner(
    @Arg("input") input: OnboardPartnerInput,
    @Ctx() context: Context,
  ): Promise<PartnerOnboarded> {
    const { organizationId, userId, link } = await onboardPartner(
      context.db,
      context.viewer!,
      input,
      context.config.mail,
    );
    const organization = await context.loaders.organizationById.load(organizationId);
    return { organization: organization!, beheerder: await accountOf(context, userId), link };
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => Account, {
    description:
      "Wis de tweestapsverificatie van een medewerker (telefoon kwijt); diens sessies eindigen",
  })
  async resetSecondFactor(
    @Arg("userId", () => ID) userId: string,
    @Ctx() context: Context,
  ): Promise<Account> {
    await resetSecondFactor(context.db, context.viewer!, existing(userId));
    return accountOf(context, userId);
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => InvitationSent, {
    description: "Verstuur een uitnodiging opnieuw, met een nieuwe link",
  })
  async resendInvitation(
    @Arg("userId", () => ID) userId: string,
    @Ctx() context: Context,
  ): Promise<InvitationSent> {
    const link = await resendInvitation(
      context.db,
      context.viewer!,
      existing(userId),
      context.config.mail,
    );
    return { account: await accountOf(context, userId), link };
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => Account, { description: "Trek een uitnodiging in: de link werkt niet meer" })
  async revokeInvitation(
    @Arg("userId", () => ID) userId: string,
    @Ctx() context: Context,
  ): Promise<Account> {
    await revokeInvitation(context.db, context.viewer!, existing(userId));
    return accountOf(context, userId);
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => Account, { description: "Wijzig de rollen van een account" })
  async setAccountRoles(
    @Arg("userId", () => ID) userId: string,
    @Arg("roles", () => [Role]) roles: Role[],
    @Ctx() context: Context,
  ): Promise<Account> {
    if (roles.length === 0) throw new UserInputError("Kies minstens één rol.", "roles");
    await setAccountRoles(context.db, context.viewer!, existing(userId), [...new Set(roles)]);
    return accountOf(context, userId);
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => Account, {
    description: "Schakel een account uit (iemand vertrekt): alle sessies eindigen meteen",
  })
  async disableAccount(
    @Arg("userId", () => ID) userId: string,
    @Ctx() context: Context,
  ): Promise<Account> {
    await disableAccount(context.db, context.viewer!, existing(userId));
    return accountOf(context, userId);
  }

  @Authorized(Role.BEHEERDER, Role.REGIO_BEHEERDER)
  @Mutation(() => Account, { description: "Schakel een uitgeschakeld account weer in" })
  async enableAccount(
    @Arg("userId", () => ID) userId: string,
    @Ctx() context: Context,
  ): Promise<Account> {
    await enableAccount(context.db, context.viewer!, existing(userId));
    return accountOf(context, userId);
  }

  @Mutation(() => LoginResult, {
    description: "Neem een uitnodiging aan: kies een wachtwoord en log meteen in",
  })
  async acceptInvitation(
    @Arg("input") input: AcceptInvitationInput,
    @Ctx() context: Context,
  ): Promise<LoginResult> {
    const userId = await acceptInvitation(context.db, input.token, input.password);
    return logIn(context, userId);
  }

  @Mutation(() => Boolean, {
    description:
      "Wachtwoord vergeten: stuurt een link voor een nieuw wachtwoord als er een actief account met dit adres is. " +
      "Het antwoord is voor elk adres hetzelfde: true als deze omgeving e-mail verstuurt, anders false.",
  })
  async requestPasswordReset(
    @Arg("input") input: RequestPasswordResetInput,
    @Ctx() { db, config, rateLimits, request }: Context,
  ): Promise<boolean> {
    const email = normalizeEmail(input.email);
    const mayMail = await rateLimits.countPasswordResetRequest(email, request.ip ?? "unknown");
    if (mayMail) await requestPasswordReset(db, email, config.mail);
    return config.mail.smtpUrl !== undefined;
  }

  @Query(() => PasswordResetDetails, {
    nullable: true,
    description:
      "Voor wie een link voor een nieuw wachtwoord is; null als de link niet (meer) werkt",
  })
  passwordReset(
    @Arg("token") token: string,
    @Ctx() { db }: Context,
  ): Promise<PasswordResetDetails | null> {
    return passwordResetFor(db, token);
  }

  @Mutation(() => LoginResult, {
    description:
      "Kies een nieuw wachtwoord met de link uit de e-mail en log meteen in; alle andere sessies eindigen",
  })
  async resetPassword(
    @Arg("input") input: ResetPasswordInput,
    @Ctx() context: Context,
  ): Promise<LoginResult> {
    const userId = await resetPassword(context.db, input.token, input.password);
    return logIn(context, userId);
  }

  @Authorized()
  @Query(() => [OwnSession], { description: "Mijn sessies die nog gelden, de nieuwste eerst" })
  mySessions(@Ctx() { db, viewer }: Context): Promise<OwnSession[]> {
    return ownSessions(db, viewer!);
  }

  @Authorized()
  @Mutation(() => [OwnSession], {
    description: "Beëindig een van mijn sessies (een andere browser, een kwijtgeraakte telefoon)",
  })
  async endSession(
    @Arg("sessionId", () => ID) sessionId: string,
    @Ctx() { db, viewer }: Context,
  ): Promise<OwnSession[]> {
    if (!isUuid(sessionId)) throw new NotFoundError("Deze sessie bestaat niet (meer).");
    await endOwnSession(db, viewer!, sessionId);
    return ownSessions(db, viewer!);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Wijzig mijn wachtwoord; mijn andere sessies eindigen, deze blijft",
  })
  async changePassword(
    @Arg("input") input: ChangePasswordInput,
    @Ctx() { db, viewer, loaders, rateLimits, request }: Context,
  ): Promise<boolean> {
    // A guess at the current password counts as a failed login: a session left open is no
    // way round the login limit.
    const { email } = (await loaders.userById.load(viewer!.userId))!;
    const ip = request.ip ?? "unknown";
    await rateLimits.countLoginAttempt(email, ip);
    try {
      await changeOwnPassword(db, viewer!, input.currentPassword, input.newPassword);
    } catch (error) {
      // The current password was right; only the new one will not do.
      if (error instanceof UserInputError && error.extensions.field === "newPassword") {
        await rateLimits.loginSucceeded(email, ip);
      }
      throw error;
    }
    await rateLimits.loginSucceeded(email, ip);
    return true;
  }
}
