import { getMetadataStorage as validationMetadata } from "class-validator";
import { getMetadataStorage as schemaMetadata } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildKetenkaartSchema } from "../../server/schema.js";

describe("lists in inputs", () => {
  it("all have a maximum size, so no input can ask the server to handle an unbounded list", async () => {
    await buildKetenkaartSchema();
    const storage = schemaMetadata();
    const inputClasses = new Set([
      ...storage.inputTypes.map((input) => input.target),
      ...storage.argumentTypes.map((args) => args.target),
    ]);
    const lists = storage.fields.filter(
      (field) => inputClasses.has(field.target) && field.typeOptions.array,
    );
    expect(lists.length).toBeGreaterThan(15);
    const unbounded = lists
      .filter(
        (field) =>
          !validationMetadata()
            .getTargetValidationMetadatas(field.target, "", true, false)
            .some((rule) => rule.propertyName === field.name && rule.name === "arrayMaxSize"),
      )
      .map((field) => `${field.target.name}.${field.name}`);
    expect(unbounded).toEqual([]);
  });
});
