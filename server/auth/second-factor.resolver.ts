import { MaxLength, MinLength } from "class-validator";
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import type { Context } from "../common/context.js";
import { UserInputError } from "../common/errors.js";
import { whileSettingUpSecondFactor } from "./auth-checker.js";
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

@InputType({ description: "Tweestapsverificatie uitzetten: het wachtwoord bevestigt het" })
class DisableSecondFactorInput {
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
  @Mutation(() => Boolean, { description: "Zet tweestapsverificatie uit, met het wachtwoord" })
  async disableSecondFactor(
    @Arg("input") input: DisableSecondFactorInput,
    @Ctx() { db, viewer, loaders, rateLimits, request }: Context,
  ): Promise<boolean> {
    // A guess at the password counts as a failed login, as when changing it.
    const user = (await loaders.userById.load(viewer!.userId))!;
    const ip = request.ip ?? "unknown";
    await rateLimits.countLoginAttempt(user.email, ip);
    const [{ passwordHash }] = (await db.query(
      'SELECT password_hash AS "passwordHash" FROM app_user WHERE id = $1',
      [viewer!.userId],
    )) as [{ passwordHash: string | null }];
    if (!passwordHash || !(await verifyPassword(passwordHash, input.password))) {
      throw new UserInputError("Uw wachtwoord klopt niet.", "password");
    }
    await rateLimits.loginSucceeded(user.email, ip);
    await disableOwnSecondFactor(db, viewer!);
    return true;
  }
}
