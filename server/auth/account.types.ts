import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { NewOrganizationInput } from "../organization/organization.inputs.js";
import { Organization } from "../organization/organization.entity.js";
import { registerLabelledEnum } from "../taxonomy/taxonomy.js";
import { AccountStatus } from "./account.service.js";
import type { SecurityEventKind } from "./security-log.js";
import { maxPasswordLength } from "./password-strength.js";
import { Role } from "./role.js";

export const accountStatusLabels: Record<AccountStatus, string> = {
  ACTIEF: "Actief",
  UITGENODIGD: "Uitgenodigd",
  UITGESCHAKELD: "Uitgeschakeld",
};

registerLabelledEnum(AccountStatus, "AccountStatus", "Waar een account staat", accountStatusLabels);

export enum SecurityEventType {
  LOGIN = "LOGIN",
  LOGIN_FAILED = "LOGIN_FAILED",
  INVITED = "INVITED",
  INVITATION_RESENT = "INVITATION_RESENT",
  INVITATION_REVOKED = "INVITATION_REVOKED",
  INVITATION_ACCEPTED = "INVITATION_ACCEPTED",
  ROLES_CHANGED = "ROLES_CHANGED",
  DISABLED = "DISABLED",
  ENABLED = "ENABLED",
  PASSWORD_CHANGED = "PASSWORD_CHANGED",
  SESSION_ENDED = "SESSION_ENDED",
  PASSWORD_RESET_REQUESTED = "PASSWORD_RESET_REQUESTED",
  PASSWORD_RESET = "PASSWORD_RESET",
  SECOND_FACTOR_ENABLED = "SECOND_FACTOR_ENABLED",
  SECOND_FACTOR_DISABLED = "SECOND_FACTOR_DISABLED",
  SECOND_FACTOR_RESET = "SECOND_FACTOR_RESET",
  RECOVERY_CODE_USED = "RECOVERY_CODE_USED",
  PASSKEY_ADDED = "PASSKEY_ADDED",
  PASSKEY_REMOVED = "PASSKEY_REMOVED",
  SSO_CONFIGURED = "SSO_CONFIGURED",
  SSO_REMOVED = "SSO_REMOVED",
}

export const securityEventLabels: Record<SecurityEventKind, string> = {
  LOGIN: "Ingelogd",
  LOGIN_FAILED: "Inloggen mislukt",
  INVITED: "Uitgenodigd",
  INVITATION_RESENT: "Uitnodiging opnieuw verstuurd",
  INVITATION_REVOKED: "Uitnodiging ingetrokken",
  INVITATION_ACCEPTED: "Uitnodiging aangenomen",
  ROLES_CHANGED: "Rollen gewijzigd",
  DISABLED: "Uitgeschakeld",
  ENABLED: "Weer ingeschakeld",
  PASSWORD_CHANGED: "Wachtwoord gewijzigd",
  SESSION_ENDED: "Sessie beëindigd",
  PASSWORD_RESET_REQUESTED: "Nieuw wachtwoord aangevraagd",
  PASSWORD_RESET: "Nieuw wachtwoord gekozen via e-mail",
  SECOND_FACTOR_ENABLED: "Tweestapsverificatie aangezet",
  SECOND_FACTOR_DISABLED: "Tweestapsverificatie uitgezet",
  SECOND_FACTOR_RESET: "Tweestapsverificatie gewist door de beheerder",
  RECOVERY_CODE_USED: "Ingelogd met een herstelcode",
  PASSKEY_ADDED: "Passkey toegevoegd",
  PASSKEY_REMOVED: "Passkey verwijderd",
  SSO_CONFIGURED: "Inloggen via de organisatie ingesteld",
  SSO_REMOVED: "Inloggen via de organisatie verwijderd",
};

registerLabelledEnum(
  SecurityEventType,
  "SecurityEventType",
  "Wat er in het beveiligingslogboek staat",
  securityEventLabels,
);

@ObjectType({ description: "Een account van de organisatie, zoals de beheerder het ziet" })
export class Account {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => AccountStatus)
  status: AccountStatus;

  @Field(() => Date, { nullable: true, description: "Wanneer deze persoon het laatst inlogde" })
  lastLoginAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Tot wanneer de uitnodiging werkt" })
  invitationExpiresAt: Date | null;

  @Field(() => Int, { description: "Casussen waarop deze persoon de regie heeft" })
  regieCases: number;

  @Field(() => Int, { description: "Open afspraken van deze persoon" })
  openAgreements: number;

  @Field(() => Int, { description: "Nazorgplannen waarvoor deze persoon verantwoordelijk is" })
  nazorgPlans: number;

  @Field({ description: "Of deze persoon inlogt met tweestapsverificatie" })
  secondFactor: boolean;
}

@ObjectType({ description: "Een uitnodiging die net is verstuurd" })
export class InvitationSent {
  @Field(() => Account)
  account: Account;

  @Field(() => String, {
    nullable: true,
    description:
      "De link van de uitnodiging, alleen als er geen e-mail is ingesteld: geef hem dan zelf door",
  })
  link: string | null;
}

@InputType({ description: "De eerste beheerder van een nieuwe ketenpartner" })
export class FirstBeheerderInput {
  @Field()
  @MinLength(1, { message: "Vul de naam van de eerste beheerder in." })
  @MaxLength(200, { message: "De naam mag hoogstens 200 tekens lang zijn." })
  name: string;

  @Field()
  @IsEmail({}, { message: "Vul een geldig e-mailadres van de eerste beheerder in." })
  @MaxLength(254, { message: "Het e-mailadres is te lang." })
  email: string;
}

@InputType({
  description: "Een nieuwe ketenpartner met zijn eerste beheerder (door de regiobeheerder)",
})
export class OnboardPartnerInput {
  @Field(() => NewOrganizationInput)
  @ValidateNested()
  organization: NewOrganizationInput;

  @Field(() => FirstBeheerderInput)
  @ValidateNested()
  beheerder: FirstBeheerderInput;
}

@ObjectType({ description: "Een nieuwe ketenpartner en de uitnodiging van zijn eerste beheerder" })
export class PartnerOnboarded {
  @Field(() => Organization)
  organization: Organization;

  @Field(() => Account)
  beheerder: Account;

  @Field(() => String, {
    nullable: true,
    description:
      "De link van de uitnodiging, alleen als er geen e-mail is ingesteld: geef hem dan zelf door",
  })
  link: string | null;
}

@ObjectType({ description: "Een uitnodiging, zoals de uitgenodigde die ziet voor het wachtwoord" })
export class InvitationDetails {
  @Field()
  name: string;

  @Field()
  email: string;

  @Field()
  organizationName: string;

  @Field()
  expiresAt: Date;
}

@ObjectType({ description: "Voor wie een link voor een nieuw wachtwoord is" })
export class PasswordResetDetails {
  @Field()
  email: string;

  @Field()
  expiresAt: Date;
}

@ObjectType({ description: "Een regel uit het beveiligingslogboek van de organisatie" })
export class SecurityEvent {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => SecurityEventType)
  kind: SecurityEventType;

  @Field(() => String, { nullable: true, description: "Wie het deed" })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: "Om wiens account het ging" })
  subjectName: string | null;

  @Field(() => [Role], { nullable: true, description: "De rollen, bij uitnodigen en wijzigen" })
  roles: Role[] | null;
}

@InputType({ description: "Iemand uitnodigen voor een account bij een organisatie" })
export class InviteWorkerInput {
  @Field(() => ID)
  @IsUUID("all", { message: "Kies een bestaande organisatie." })
  organizationId: string;

  @Field()
  @MinLength(1, { message: "Vul de naam in." })
  @MaxLength(200, { message: "De naam mag hoogstens 200 tekens lang zijn." })
  name: string;

  @Field()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in." })
  @MaxLength(254, { message: "Het e-mailadres is te lang." })
  email: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: "Kies minstens één rol." })
  @ArrayMaxSize(4, { message: "Kies hoogstens vier rollen." })
  roles: Role[];
}

@InputType({ description: "Een uitnodiging aannemen door een wachtwoord te kiezen" })
export class AcceptInvitationInput {
  @Field({ description: "Het deel van de link na #" })
  @MinLength(1, { message: "Deze uitnodiging is niet (meer) geldig." })
  @MaxLength(100, { message: "Deze uitnodiging is niet (meer) geldig." })
  token: string;

  @Field()
  @MinLength(1, { message: "Kies een wachtwoord." })
  @MaxLength(maxPasswordLength, {
    message: `Kies een wachtwoord van hoogstens ${maxPasswordLength} tekens.`,
  })
  password: string;
}

@InputType({ description: "Wachtwoord vergeten: een link voor een nieuw wachtwoord aanvragen" })
export class RequestPasswordResetInput {
  @Field()
  @IsEmail({}, { message: "Vul een geldig e-mailadres in." })
  @MaxLength(254, { message: "Het e-mailadres is te lang." })
  email: string;
}

@InputType({ description: "Een nieuw wachtwoord kiezen met de link uit de e-mail" })
export class ResetPasswordInput {
  @Field({ description: "Het deel van de link na #" })
  @MinLength(1, { message: "Deze link werkt niet (meer). Vraag een nieuwe aan." })
  @MaxLength(100, { message: "Deze link werkt niet (meer). Vraag een nieuwe aan." })
  token: string;

  @Field()
  @MinLength(1, { message: "Kies een wachtwoord." })
  @MaxLength(maxPasswordLength, {
    message: `Kies een wachtwoord van hoogstens ${maxPasswordLength} tekens.`,
  })
  password: string;
}

@ObjectType({ description: "Een sessie van de ingelogde gebruiker: een browser of koppeling" })
export class OwnSession {
  @Field(() => ID)
  id: string;

  @Field({ description: "Wanneer er met deze sessie is ingelogd" })
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field({ description: "Of dit de sessie van deze browser is" })
  current: boolean;
}

@InputType({ description: "Het eigen wachtwoord wijzigen" })
export class ChangePasswordInput {
  @Field()
  @MinLength(1, { message: "Vul uw huidige wachtwoord in." })
  @MaxLength(maxPasswordLength, { message: "Het huidige wachtwoord is te lang." })
  currentPassword: string;

  @Field()
  @MinLength(1, { message: "Kies een nieuw wachtwoord." })
  @MaxLength(maxPasswordLength, {
    message: `Kies een wachtwoord van hoogstens ${maxPasswordLength} tekens.`,
  })
  newPassword: string;
}
