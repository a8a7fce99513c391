import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../request/context.js";
import { SecondFactorRequiredError, UnauthenticatedError } from "../common/errors.js";
import { returnedRows } from "../db/queryable.js";
import { inTransaction } from "../common/transaction.js";
import { demoPassword } from "../../seeds/demo-region.js";
import { Organization } from "../organization/organization.entity.js";
import { LoginInput, LoginResult, LoginSettings, SessionInfo } from "./auth.inputs.js";
import { normalizeEmail } from "./email-address.js";
import { unknownUserHash, verifyPassword } from "./password.js";
import { passkeyLoginOptions, relyingPartyOf, verifyPasskeyLogin } from "./passkey.service.js";
import { secondFactorsOf, verifySecondFactor } from "./second-factor.service.js";
import {
  createSession,
  extendSession,
  revokeSession,
  sessionTimes,
  type SessionTimes,
} from "./session.service.js";
import { whileSettingUpSecondFactor } from "./auth-checker.js";
import { cookieToken, sessionCookieName } from "../security/authentication.js";
import { Role } from "./role.js";
import { User } from "./user.entity.js";
import { recordSecurityEvent } from "./security-log.js";

@Resolver(() => User)
export class AuthResolver {
  @Query(() => User, { nullable: true, description: "De ingelogde gebruiker, of null" })
  me(@Ctx() { viewer, loaders }: Context): Promise<User | null> | null {
    return viewer ? loaders.userById.load(viewer.userId) : null;
  }

  @Query(() => LoginSettings, { description: "Wat de inlogpagina vooraf moet weten" })
  loginSettings(@Ctx() { config }: Context): LoginSettings {
    return {
      secondFactorRequired: config.secondFactorRequired,
      demoPassword: !config.production && config.seedDemoRegion ? demoPassword : null,
    };
  }

  @Mutation(() => LoginResult, {
    description:
      "Inloggen: zet een sessiecookie voor de webclient en geeft een token voor API-koppelingen",
  })
  async login(@Arg("input") input: LoginInput, @Ctx() context: Context): Promise<LoginResult> {
    const { password } = input;
    // One form of the address for the limit and the lookup alike, so no spelling of it is
    // counted apart from the account it reaches.
    const email = normalizeEmail(input.email);
    const ip = context.request.ip ?? "unknown";
    // Counted before the password is checked: attempts sent at once cannot all pass a check
    // made before any of them failed. Unknown addresses count too, so the limit does not tell
    // which accounts exist.
    await context.rateLimits.countLoginAttempt(email, ip);
    const user = await context.db
      .getRepository(User)
      .createQueryBuilder("user")
      .where("user.email = :email", { email })
      .andWhere("user.disabled_at IS NULL")
      .getOne();
    // An invited account has no password yet: it is checked like an unknown address, and fails.
    const valid = await verifyPassword(user?.passwordHash ?? unknownUserHash, password);
    if (!user || !user.passwordHash || !valid) {
      if (user) {
        await recordSecurityEvent(context.db, "LOGIN_FAILED", {
          organizationId: user.organizationId,
          subjectUserId: user.id,
        });
      }
      throw new UnauthenticatedError("E-mailadres of wachtwoord klopt niet.");
    }
    // The second step counts as part of the attempt: a wrong code or passkey is a failed login,
    // and a request without one does not clear the account's count.
    const factors = await secondFactorsOf(context.db, user.id);
    if (factors.app || factors.passkey) {
      const rp = relyingPartyOf(context.config.publicUrl);
      if (!input.code && !input.passkey) {
        throw new SecondFactorRequiredError({
          app: factors.app,
          passkeyOptions: factors.passkey
            ? await passkeyLoginOptions(context.db, user.id, rp)
            : null,
        });
      }
      const passed = input.passkey
        ? await verifyPasskeyLogin(context.db, user.id, rp, input.passkey)
        : await verifySecondFactor(context.db, user, context.config.secondFactorKey!, input.code!);
      if (!passed) {
        await recordSecurityEvent(context.db, "LOGIN_FAILED", {
          organizationId: user.organizationId,
          subjectUserId: user.id,
        });
        throw new UnauthenticatedError(
          input.passkey
            ? "De passkey is niet herkend. Probeer het opnieuw, of vul een code in."
            : "De code klopt niet. Vul de code in die de app nu laat zien, of een herstelcode.",
        );
      }
    }
    await context.rateLimits.loginSucceeded(email, ip);
    return logIn(context, user.id);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Query(() => SessionInfo, {
    description: "Wanneer de sessie van de ingelogde gebruiker verloopt",
  })
  async session(@Ctx() { db, viewer, config }: Context): Promise<SessionInfo> {
    const times = await sessionTimes(db, viewer!.sessionId, config.sessionMaxHours);
    if (!times) throw new UnauthenticatedError();
    return sessionInfo(times, config.sessionWarningMinutes);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => SessionInfo, {
    description:
      "Ingelogd blijven: de sessie loopt weer SESSION_TTL_HOURS, maar nooit langer dan SESSION_MAX_HOURS na het inloggen",
  })
  async renewSession(@Ctx() context: Context): Promise<SessionInfo> {
    const { db, viewer, config, request } = context;
    const times = await extendSession(
      db,
      viewer!.sessionId,
      config.sessionTtlHours,
      config.sessionMaxHours,
    );
    if (!times) throw new UnauthenticatedError();
    // The browser forgets the cookie at its old expiry otherwise; API clients keep their token.
    const inCookie = cookieToken(request.headers);
    if (inCookie && !request.headers.authorization) {
      setSessionCookie(context, inCookie, times.expiresAt);
    }
    return sessionInfo(times, config.sessionWarningMinutes);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => Boolean, { description: "Uitloggen: de sessie vervalt meteen, op elke server" })
  async logout(@Ctx() { db, viewer, response }: Context): Promise<boolean> {
    await revokeSession(db, viewer!.sessionId);
    response.clearCookie(sessionCookieName, { path: "/" });
    return true;
  }

  @FieldResolver(() => Organization)
  organization(@Root() user: User, @Ctx() { loaders }: Context): Promise<Organization | null> {
    return loaders.organizationById.load(user.organizationId);
  }

  @FieldResolver({
    description:
      "Alleen voor de ingelogde gebruiker zelf: eerst tweestapsverificatie instellen, want die is hier verplicht en dit account heeft die nog niet",
  })
  mustSetUpSecondFactor(@Root() user: User, @Ctx() context: Context): boolean {
    return context.viewer?.userId === user.id && context.mustSetUpSecondFactor;
  }

  @FieldResolver(() => [Role], {
    description: "De rollen; alleen van de eigen organisatie, van een andere organisatie leeg",
  })
  roles(@Root() user: User, @Ctx() { viewer }: Context): Role[] {
    // Without a viewer the only user to be seen is the one logging in (login's result).
    return !viewer || viewer.organizationId === user.organizationId ? user.roles : [];
  }
}

/**
 * Starts a session for the account (after its password was checked, or its invitation
 * accepted): the cookie for the web client, the token for API clients, the login in the
 * security log.
 */
export async function logIn(
  context: Pick<Context, "db" | "config" | "response">,
  userId: string,
  options: { secondFactorByIssuer?: boolean } = {},
): Promise<LoginResult> {
  const { session, user } = await inTransaction(context.db, async (manager) => {
    const [user] = returnedRows<User>(
      await manager.query(
        `UPDATE app_user SET last_login_at = now() WHERE id = $1
         RETURNING id, organization_id AS "organizationId", email, name, roles`,
        [userId],
      ),
    );
    await recordSecurityEvent(manager, "LOGIN", {
      organizationId: user!.organizationId,
      subjectUserId: userId,
    });
    return {
      session: await createSession(
        manager,
        userId,
        context.config.sessionTtlHours,
        options.secondFactorByIssuer,
      ),
      user: user!,
    };
  });
  setSessionCookie(context, session.token, session.expiresAt);
  return { token: session.token, expiresAt: session.expiresAt, user };
}

function setSessionCookie(
  context: Pick<Context, "config" | "response">,
  token: string,
  expires: Date,
) {
  context.response.cookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: context.config.production,
    path: "/",
    expires,
  });
}

const sessionInfo = (times: SessionTimes, warningMinutes: number): SessionInfo => ({
  ...times,
  warningMinutes,
});
