import { getMetadataStorage } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildKetenkaartSchema } from "../../server/schema.js";

// The types of the list pages use type-graphql's simple resolvers, which skip authorization
// and middleware on their plain fields. That is only safe while no field of any type carries
// them: access is checked on the queries and mutations, and in the field resolvers.
describe("authorization in the schema", () => {
  it("sits on operations and field resolvers, never on a plain field of a type", async () => {
    await buildKetenkaartSchema();
    const storage = getMetadataStorage();
    const types = new Set<unknown>(storage.objectTypes.map((type) => type.target));
    const onTypes = (entries: Array<{ target: unknown; fieldName: string }>) =>
      entries.filter((entry) => types.has(entry.target)).map((entry) => entry.fieldName);

    expect(onTypes(storage.authorizedFields)).toEqual([]);
    expect(onTypes(storage.middlewares)).toEqual([]);
    // The operations themselves are still guarded.
    expect(storage.authorizedFields.some((field) => field.fieldName === "myCases")).toBe(true);
  });
});
