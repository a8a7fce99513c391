import { describe, expect, it } from "vitest";
import {
  formatCapacity,
  formatDate,
  formatDateTime,
  formatDistance,
  formatList,
  languageName,
  normalizePostcode,
} from "./format";

describe("Dutch formats", () => {
  it("writes distances with a decimal comma", () => {
    expect(formatDistance(2.345)).toBe("2,3 km");
    expect(formatDistance(12)).toBe("12,0 km");
    expect(formatDistance(0.01)).toBe("minder dan 0,1 km");
  });

  it("writes dates the Dutch way", () => {
    expect(formatDate("2026-03-12T10:00:00.000Z")).toBe("12 maart 2026");
  });

  it("writes a date and time in Amsterdam time", () => {
    expect(formatDateTime("2026-03-12T13:30:00.000Z")).toBe("12 maart 2026 om 14:30");
  });

  it("normalises postcodes to 6811 AB", () => {
    expect(normalizePostcode("6811ab")).toBe("6811 AB");
    expect(normalizePostcode(" 6811  AB ")).toBe("6811 AB");
    expect(normalizePostcode("6811")).toBe("6811");
    expect(normalizePostcode("Arnhem")).toBe("Arnhem");
  });

  it("names languages in Dutch", () => {
    expect(languageName("ar")).toBe("Arabisch");
    expect(languageName("nl")).toBe("Nederlands");
  });

  it("says how many places are free", () => {
    expect(formatCapacity(0)).toBe("Vol");
    expect(formatCapacity(1)).toBe("1 vrije plek");
    expect(formatCapacity(4)).toBe("4 vrije plekken");
  });

  it("joins lists with 'en'", () => {
    expect(formatList(["Telefoon", "WhatsApp", "Huisbezoek"])).toBe(
      "Telefoon, WhatsApp en Huisbezoek",
    );
  });
});
