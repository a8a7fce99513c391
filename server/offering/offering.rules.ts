import type { InputProblem } from "../common/input-validation.js";
import { Phase } from "../taxonomy/taxonomy.js";
import type { OfferingInput } from "./offering.inputs.js";

/**
 * The rules of the sociale kaart for an offering that its input's own validation cannot say:
 * each broken one as a Dutch message with the field. The API refuses the first; an HSDS import
 * reports them all. Which locations and gemeenten exist is for the caller to check.
 */
export function offeringRuleProblems(input: OfferingInput): InputProblem[] {
  const problems: InputProblem[] = [];
  const problem = (field: string, fieldPath: string, message: string) =>
    problems.push({ field, fieldPath, message });
  if (input.phases.includes(Phase.NAZORG) && !input.paletteLevel) {
    problem(
      "paletteLevel",
      "paletteLevel",
      "Kies bij nazorgaanbod een plek op het palet van nazorg.",
    );
  }
  if (
    input.capacity &&
    input.capacity.total != null &&
    input.capacity.available > input.capacity.total
  ) {
    problem(
      "available",
      "capacity.available",
      "Er kunnen niet meer vrije plekken zijn dan plekken in totaal.",
    );
  }
  if (input.locationIds.length === 0 && input.gemeenten.length === 0) {
    problem(
      "gemeenten",
      "gemeenten",
      "Geef aan waar het aanbod te gebruiken is: kies een locatie of een gemeente.",
    );
  }
  return problems;
}
