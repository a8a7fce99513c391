import { validateSync } from "class-validator";
import { ArgumentValidationError, type ValidatorFn } from "type-graphql";

/**
 * type-graphql's own validation of arguments, done synchronously: its default imports
 * class-validator and awaits `validateOrReject` for every argument, whose promises (each
 * through AsyncLocalStorage's hook) took 0.19 ms of a search's critical path while the checks
 * themselves take 13 µs (BENCHMARKS.md). The same options as its default, and none
 * of our inputs has an asynchronous constraint; the errors are the same ArgumentValidationError
 * that formatError turns into a Dutch message per field.
 */
export const validateInput: ValidatorFn = (argValue) => {
  if (argValue === null || typeof argValue !== "object") return;
  const items: object[] = Array.isArray(argValue) ? argValue : [argValue];
  for (const item of items) {
    if (item === null || typeof item !== "object") continue;
    const errors = validateSync(item, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length > 0) throw new ArgumentValidationError(errors);
  }
};
