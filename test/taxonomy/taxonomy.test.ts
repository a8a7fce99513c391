import { describe, expect, it } from "vitest";
import { query } from "../support/api.js";

describe("taxonomy", () => {
  it("gives the palette of nazorg from passive to active in order of intensity", async () => {
    const { taxonomy } = await query<{
      taxonomy: {
        paletteLevels: Array<{ value: string; label: string; mode: string; intensity: number }>;
      };
    }>(`{ taxonomy { paletteLevels { value label mode modeLabel intensity } } }`);
    expect(taxonomy.paletteLevels.map((p) => p.value)).toEqual([
      "P1",
      "P2",
      "P3",
      "A1",
      "A2",
      "A3",
      "A4",
      "A5",
      "A6",
      "A7",
      "A8",
      "A9",
      "A10",
    ]);
    expect(taxonomy.paletteLevels.map((p) => p.intensity)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(taxonomy.paletteLevels.filter((p) => p.mode === "PASSIVE").map((p) => p.value)).toEqual([
      "P1",
      "P2",
      "P3",
    ]);
    expect(taxonomy.paletteLevels[0]!.label).toBe("Open uitnodiging: u mag altijd bellen");
  });

  it("labels every classification in Dutch with a defined order", async () => {
    const { taxonomy } = await query<{
      taxonomy: Record<string, Array<{ value: string; label: string; order: number }>>;
    }>(
      `{ taxonomy {
          organizationKinds { value label order } modules { value label order } phases { value label order }
          lifeDomains { value label order } targetGroups { value label order } channels { value label order }
          deliveredBy { value label order } offeringStatuses { value label order } } }`,
    );
    expect(taxonomy.modules).toHaveLength(13);
    expect(taxonomy.modules.find((m) => m.value === "WAAKVLAM_NAZORG")?.label).toBe(
      "Waakvlamcontacten en nazorg",
    );
    expect(taxonomy.lifeDomains.find((m) => m.value === "FINANCIEN")?.label).toBe("Financiën");
    expect(taxonomy.channels.map((c) => c.label)).toContain("WhatsApp");
    for (const values of Object.values(taxonomy)) {
      expect(values.map((v) => v.order)).toEqual(values.map((_, index) => index + 1));
    }
  });
});
