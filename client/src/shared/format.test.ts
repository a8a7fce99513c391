import { afterEach, describe, expect, it, vi } from "vitest";
import {
  formatCapacity,
  formatDate,
  formatDateTime,
  formatDistance,
  formatList,
  formatMoney,
  formatPhone,
  formatPostcode,
  formatTime,
  isoDate,
  isoDateFromToday,
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
    expect(formatDate("2026-12-24")).toBe("24 december 2026");
  });

  it("writes the day of a moment as it is in Amsterdam, whatever the browser's time zone", () => {
    expect(formatDate("2026-03-12T23:30:00.000Z")).toBe("13 maart 2026");
  });

  it("writes a date and time in Amsterdam time", () => {
    expect(formatDateTime("2026-03-12T13:30:00.000Z")).toBe("12 maart 2026 om 14:30");
  });

  it("writes times in Amsterdam time, summer and winter", () => {
    expect(formatTime("2026-03-12T13:30:00.000Z")).toBe("14:30");
    expect(formatTime("2026-07-01T07:05:00.000Z")).toBe("09:05");
  });

  it("takes today's date in Amsterdam, not in UTC", () => {
    expect(isoDate(new Date("2026-03-11T23:30:00.000Z"))).toBe("2026-03-12");
    expect(isoDate(new Date("2026-03-12T12:00:00.000Z"))).toBe("2026-03-12");
  });

  describe("counting from today", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("counts calendar days in Amsterdam, also into summer time", () => {
      vi.useFakeTimers();
      // 23:30 on 19 March in Amsterdam; two weeks on, the clocks have moved forward.
      vi.setSystemTime(new Date("2026-03-19T22:30:00.000Z"));
      expect(isoDateFromToday({ days: 14 })).toBe("2026-04-02");
      expect(isoDateFromToday({ years: 1 })).toBe("2027-03-19");
    });
  });

  it("writes money with the euro sign, dots for thousands and a decimal comma", () => {
    expect(formatMoney(1234.56)).toBe("€ 1.234,56");
    expect(formatMoney(0)).toBe("€ 0,00");
    expect(formatMoney(-12.5)).toBe("€ -12,50");
  });

  it("groups Dutch phone numbers as they are read aloud", () => {
    expect(formatPhone("0261234567")).toBe("026 123 45 67");
    expect(formatPhone("06-12345678")).toBe("06 12 34 56 78");
    expect(formatPhone("0318 123456")).toBe("0318 12 34 56");
    expect(formatPhone("0800 1234")).toBe("0800 1234");
    expect(formatPhone("+31 26 123 4567")).toBe("+31 26 123 4567");
  });

  it("shows postcodes as 6811 AB", () => {
    expect(formatPostcode("6811ab")).toBe("6811 AB");
    expect(formatPostcode("6825")).toBe("6825");
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
