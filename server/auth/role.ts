import { registerEnumType } from "type-graphql";

export enum Role {
  MEDEWERKER = "MEDEWERKER",
  COORDINATOR = "COORDINATOR",
  BEHEERDER = "BEHEERDER",
  REGIO_BEHEERDER = "REGIO_BEHEERDER",
}

export const roleLabels: Record<Role, string> = {
  MEDEWERKER: "Medewerker",
  COORDINATOR: "Coördinator",
  BEHEERDER: "Beheerder van de organisatie",
  REGIO_BEHEERDER: "Regiobeheerder",
};

registerEnumType(Role, {
  name: "Role",
  description: "Rol van een gebruiker",
  valuesConfig: Object.fromEntries(
    Object.values(Role).map((role) => [role, { description: roleLabels[role] }]),
  ) as never,
});
