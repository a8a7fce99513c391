import { validateSync, type ValidationError, type ValidatorOptions } from "class-validator";
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
    const errors = validateSync(item, inputValidation);
    if (errors.length > 0) throw new ArgumentValidationError(errors);
  }
};

const inputValidation: ValidatorOptions = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
};

/** One refusal of an input's validation: the field, where it sits, and the Dutch message. */
export interface InputProblem {
  /** The name of the input field itself (e.g. "phone"), as the messages name it. */
  field: string;
  /** Where it sits in a nested input ("contactPoint.phone"). */
  fieldPath: string;
  message: string;
}

/**
 * Every way an input instance breaks its class-validator rules, by the same validation the API
 * runs on its arguments: for input that reaches a service another way (an HSDS import) and
 * must meet the same rules.
 */
export function inputProblems(input: object): InputProblem[] {
  return flattenValidationErrors(validateSync(input, inputValidation));
}

// `field` is the name of the input field itself (e.g. "phone"), as the messages name it;
// `fieldPath` says where it sits in a nested input ("contactPoint.phone"), so a form with two
// phone numbers can mark the right one.
export function flattenValidationErrors(
  errors: ValidationError[],
  parentPath = "",
): InputProblem[] {
  return errors.flatMap((error) => {
    const fieldPath = parentPath ? `${parentPath}.${error.property}` : error.property;
    return [
      ...Object.values(error.constraints ?? {}).map((message) => ({
        field: error.property,
        fieldPath,
        message,
      })),
      ...flattenValidationErrors(error.children ?? [], fieldPath),
    ];
  });
}
