import { describe, expect, it } from "vitest";
import { hasFilters, paramsFromSearch, searchFromParams, toggleValue } from "./searchParams";

describe("the search in the URL", () => {
  it("round-trips every part of a search through Dutch parameter names", () => {
    const search = {
      text: "budgetcoaching",
      near: "6811 AB",
      maxDistanceKm: 10,
      gemeenten: ["GM0202", "GM0274"],
      modules: ["WAAKVLAM_NAZORG" as const],
      phases: ["NAZORG" as const],
      paletteLevels: ["A7" as const, "A10" as const],
      lifeDomains: ["FINANCIEN" as const],
      targetGroups: ["JONGEREN" as const],
      channels: ["WHATSAPP" as const],
      deliveredBy: ["VRIJWILLIGER" as const],
      withCapacityOnly: true,
    };
    const params = paramsFromSearch(search);
    expect(params.toString()).toBe(
      "q=budgetcoaching&postcode=6811+AB&afstand=10&gemeente=GM0202&gemeente=GM0274&module=WAAKVLAM_NAZORG" +
        "&fase=NAZORG&palet=A7&palet=A10&levensgebied=FINANCIEN&doelgroep=JONGEREN&kanaal=WHATSAPP" +
        "&door=VRIJWILLIGER&vrij=1",
    );
    expect(searchFromParams(params)).toEqual(search);
  });

  it("leaves out empty values and a distance without a postcode", () => {
    expect(searchFromParams(new URLSearchParams("q=+&postcode=&afstand=5&palet="))).toEqual({});
  });

  it("toggles a filter value on and off", () => {
    const on = toggleValue({}, "channels", "TELEFOON");
    expect(on).toEqual({ channels: ["TELEFOON"] });
    expect(hasFilters(on)).toBe(true);
    const off = toggleValue(on, "channels", "TELEFOON");
    expect(off.channels).toBeUndefined();
    expect(hasFilters(off)).toBe(false);
  });
});
