import { getMetadataStorage } from "class-validator";
import { getMetadataStorage as graphqlMetadata } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildKetenkaartSchema } from "../../server/schema.js";

// A worker reads these messages at the field they are about (the form places them by
// `extensions.field`), so they name the field in Dutch words, never by its name in the code.
describe("the refusals of every input's rules", () => {
  it("name no field the way the code does", async () => {
    await buildKetenkaartSchema();
    const inputs = graphqlMetadata().inputTypes.map((input) => input.target);
    const rules = inputs.flatMap((target) =>
      getMetadataStorage().getTargetValidationMetadatas(target, "", true, false),
    );
    expect(rules.length).toBeGreaterThan(100);
    const properties = new Set(rules.map((rule) => rule.propertyName));
    // Every check has a message of ours: class-validator's own are English and name the field.
    const checks = rules.filter(
      (rule) => rule.type !== "conditionalValidation" && rule.type !== "nestedValidation",
    );
    expect(checks.filter((rule) => typeof rule.message !== "string")).toEqual([]);
    const messages = checks.map((rule) => String(rule.message));
    // A property quoted ('phases'), or written in camel case anywhere (deliveredBy).
    const naming = messages.filter((message) =>
      message
        .split(/[^A-Za-z']+/)
        .some((word) =>
          /^'.+'$/.test(word)
            ? properties.has(word.slice(1, -1))
            : /[a-z][A-Z]/.test(word) && properties.has(word),
        ),
    );
    expect(naming).toEqual([]);
  });
});
