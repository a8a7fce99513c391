import { Matches, MaxLength, MinLength } from "class-validator";
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import type { Context } from "../request/context.js";
import { UserInputError } from "../common/errors.js";
import { whileSettingUpSecondFactor } from "./auth-checker.js";
import {
  finishPasskeyRegistration,
  myPasskeys,
  relyingPartyOf,
  removeOwnPasskey,
  startPasskeyRegistration,
} from "./passkey.service.js";
import { verifyPassword } from "./password.js";
import {
  confirmSecondFactor,
  disableOwnSecondFactor,
  secondFactorStatus,
  startSecondFactorSetup,
} from "./second-factor.service.js";

@ObjectType({ description: "Een nieuwe koppeling met een authenticator-app, nog niet bevestigd" })
class SecondFactorSetup {
  @Field({ description: "Het geheim als tekst, voor wie de QR-code niet kan scannen" })
  secret: string;

  @Field({ description: "De otpauth://-link die de QR-code bevat" })
  otpauthUri: string;

  @Field({ description: "De QR-code als SVG" })
  qrCodeSvg: string;
}

@ObjectType({ description: "Of het eigen account tweestapsverificatie heeft" })
class SecondFactorStatus {
  @Field()
  enabled: boolean;

  @Field(() => Int, { description: "Hoeveel herstelcodes nog niet gebruikt zijn" })
  recoveryCodesLeft: number;
}

@InputType({ description: "De authenticator-app uitzetten: het wachtwoord bevestigt het" })
class DisableSecondFactorInput {
  @Field()
  @MinLength(1, { message: "Vul uw wachtwoord in." })
  @MaxLength(200, { message: "Het wachtwoord is te lang." })
  password: string;
}

@ObjectType({ description: "Een passkey van het eigen account" })
class Passkey {
  @Field(() => ID)
  id: string;

  @Field({ description: "De naam die de gebruiker gaf, bijvoorbeeld het apparaat" })
  name: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "Wanneer er voor het laatst mee ingelogd is" })
  lastUsedAt: Date | null;
}

@InputType({ description: "Een nieuwe passkey bewaren" })
class FinishPasskeyRegistrationInput {
  @Field({ description: "Het antwoord van de browser (JSON van startRegistration)" })
  @MaxLength(20_000, { message: "Het antwoord van de passkey is te lang." })
  response: string;

  @Field({ description: "Een naam om de passkey aan te herkennen, bijvoorbeeld het apparaat" })
  @Matches(/\S/, { message: "Geef de passkey een naam, bijvoorbeeld van het apparaat." })
  @MaxLength(100, { message: "De naam mag hoogstens 100 tekens lang zijn." })
  name: string;
}

@InputType({ description: "Een passkey verwijderen: het wachtwoord bevestigt het" })
class RemovePasskeyInput {
  @Field(() => ID)
  passkeyId: string;

  @Field()
  @MinLength(1, { message: "Vul uw wachtwoord in." })
  @MaxLength(200, { message: "Het wachtwoord is te lang." })
  password: string;
}

@Resolver()
export class SecondFactorResolver {
  @Authorized(whileSettingUpSecondFactor)
  @Query(() => SecondFactorStatus, { description: "Of mijn account tweestapsverificatie heeft" })
  mySecondFactor(@Ctx() { db, viewer }: Context): Promise<SecondFactorStatus> {
    return secondFactorStatus(db, viewer!.userId);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => SecondFactorSetup, {
    description: "Begin met tweestapsverificatie: een nieuw geheim voor de authenticator-app",
  })
  startSecondFactorSetup(@Ctx() { db, viewer, config }: Context): Promise<SecondFactorSetup> {
    return startSecondFactorSetup(db, viewer!, config.secondFactorKey!);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => [String], {
    description:
      "Bevestig de koppeling met een code uit de app; geeft eenmalig tien herstelcodes terug",
  })
  confirmSecondFactor(
    @Arg("code") code: string,
    @Ctx() { db, viewer, config }: Context,
  ): Promise<string[]> {
    if (code.length > 20) throw new UserInputError("Deze code klopt niet.", "code");
    return confirmSecondFactor(db, viewer!, config.secondFactorKey!, code);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => Boolean, { description: "Zet de authenticator-app uit, met het wachtwoord" })
  async disableSecondFactor(
    @Arg("input") input: DisableSecondFactorInput,
    @Ctx() context: Context,
  ): Promise<boolean> {
    await confirmOwnPassword(context, input.password);
    await disableOwnSecondFactor(context.db, context.viewer!);
    return true;
  }

  @Authorized(whileSettingUpSecondFactor)
  @Query(() => [Passkey], { description: "Mijn passkeys" })
  myPasskeys(@Ctx() { db, viewer }: Context): Promise<Passkey[]> {
    return myPasskeys(db, viewer!.userId);
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => String, {
    description:
      "Begin met een passkey: de opties voor navigator.credentials.create (JSON, voor startRegistration)",
  })
  startPasskeyRegistration(@Ctx() { db, viewer, config }: Context): Promise<string> {
    return startPasskeyRegistration(db, viewer!, relyingPartyOf(config.publicUrl));
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => [String], {
    description:
      "Bewaar de passkey die de browser maakte; bij de eerste tweede stap van het account eenmalig tien herstelcodes, anders een lege lijst",
  })
  finishPasskeyRegistration(
    @Arg("input") input: FinishPasskeyRegistrationInput,
    @Ctx() { db, viewer, config }: Context,
  ): Promise<string[]> {
    return finishPasskeyRegistration(
      db,
      viewer!,
      relyingPartyOf(config.publicUrl),
      input.response,
      input.name.trim(),
    );
  }

  @Authorized(whileSettingUpSecondFactor)
  @Mutation(() => Boolean, { description: "Verwijder een van mijn passkeys, met het wachtwoord" })
  async removePasskey(
    @Arg("input") input: RemovePasskeyInput,
    @Ctx() context: Context,
  ): Promise<boolean> {
    await confirmOwnPassword(context, input.password);
    await removeOwnPasskey(context.db, context.viewer!, input.passkeyId);
    return true;
  }
}

/**
 * The viewer's own password, asked again before a second factor is removed. A wrong guess counts
 * as a failed login, as when changing the password.
 */
async function confirmOwnPassword(context: Context, password: string): Promise<void> {
  const { db, viewer, loaders, rateLimits, request } = context;
  const user = (await loaders.userById.load(viewer!.userId))!;
  const ip = request.ip ?? "unknown";
  await rateLimits.countLoginAttempt(user.email, ip);
  const [{ passwordHash }] = (await db.query(
    'SELECT password_hash AS "passwordHash" FROM app_user WHERE id = $1',
    [viewer!.userId],
  )) as [{ passwordHash: string | null }];
  if (!passwordHash || !(await verifyPassword(passwordHash, password))) {
    throw new UserInputError("Uw wachtwoord klopt niet.", "password");
  }
  await rateLimits.loginSucceeded(user.email, ip);
}
