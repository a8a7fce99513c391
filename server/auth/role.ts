import { Role } from "../security/viewer.js";
import { registerLabelledEnum } from "../taxonomy/taxonomy.js";

export { Role };

export const roleLabels: Record<Role, string> = {
  MEDEWERKER: "Medewerker",
  COORDINATOR: "Coördinator",
  BEHEERDER: "Beheerder van de organisatie",
  REGIO_BEHEERDER: "Regiobeheerder",
};

registerLabelledEnum(Role, "Role", "Rol van een gebruiker", roleLabels);
