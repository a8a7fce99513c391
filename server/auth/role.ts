import { registerLabelledEnum } from "../taxonomy/taxonomy.js";

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

registerLabelledEnum(Role, "Role", "Rol van een gebruiker", roleLabels);
