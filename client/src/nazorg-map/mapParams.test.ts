import { describe, expect, it } from "vitest";
import {
  filterFromParams,
  formatShare,
  graphqlFilter,
  matrixCsvUrl,
  offeringsCsvUrl,
} from "./mapParams";

describe("the nazorg map's filters", () => {
  it("round-trip through the address bar into the CSV links the server reads", () => {
    const filter = filterFromParams(
      new URLSearchParams("targetGroups=JONGEREN&targetGroups=OUDEREN&phases=NAZORG"),
    );
    expect(filter).toEqual({
      targetGroups: ["JONGEREN", "OUDEREN"],
      deliveredBy: [],
      phases: ["NAZORG"],
    });
    expect(graphqlFilter(filter)).toEqual({
      targetGroups: ["JONGEREN", "OUDEREN"],
      phases: ["NAZORG"],
    });
    expect(matrixCsvUrl(filter, "r1")).toBe(
      "/export/nazorgkaart.csv?regionId=r1&targetGroups=JONGEREN&targetGroups=OUDEREN&phases=NAZORG",
    );
    expect(offeringsCsvUrl(filter, { gemeente: "GM0202", paletteLevel: "A7" })).toBe(
      "/export/aanbod.csv?gemeente=GM0202&paletteLevel=A7&targetGroups=JONGEREN&targetGroups=OUDEREN&phases=NAZORG",
    );
  });

  it("shows a share as a whole percentage and no share as a dash", () => {
    expect(formatShare(1 / 3)).toBe("33 %");
    expect(formatShare(null)).toBe("–");
  });
});
