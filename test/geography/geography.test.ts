import { describe, expect, it } from "vitest";
import { graphql, query } from "../support/api.js";

describe("geography of the demo region", () => {
  it("lists the real gemeenten of the region with their CBS codes and PC4 areas", async () => {
    const { gemeenten } = await query<{
      gemeenten: Array<{
        code: string;
        name: string;
        region: { name: string };
        postcodeAreas: Array<{ code: string }>;
      }>;
    }>(`{ gemeenten { code name region { name } postcodeAreas { code latitude longitude } } }`);
    const arnhem = gemeenten.find((g) => g.code === "GM0202");
    expect(arnhem?.name).toBe("Arnhem");
    expect(arnhem?.postcodeAreas.map((p) => p.code)).toContain("6811");
    expect(gemeenten.length).toBeGreaterThanOrEqual(8);
    for (const gemeente of gemeenten) {
      expect(gemeente.code).toMatch(/^GM\d{4}$/);
      expect(gemeente.postcodeAreas.length, gemeente.name).toBeGreaterThan(0);
    }
  });

  it("looks up a postcode with or without letters", async () => {
    const data = await query<{
      a: { code: string; gemeente: { name: string } };
      b: { code: string };
    }>(
      `{ a: postcodeArea(code: "6871 AB") { code latitude longitude gemeente { name } }
         b: postcodeArea(code: "6811") { code } }`,
    );
    expect(data.a).toMatchObject({ code: "6871", gemeente: { name: "Renkum" } });
    expect(data.b.code).toBe("6811");
  });

  it("answers an invalid postcode with a Dutch user error", async () => {
    const result = await graphql(`
      {
        postcodeArea(code: "AB12") {
          code
        }
      }
    `);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/Ongeldige postcode/);
  });
});
