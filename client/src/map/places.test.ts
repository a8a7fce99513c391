import { describe, expect, it } from "vitest";
import { placesOf } from "./places";

const kantoor = {
  id: "l1",
  name: "Kantoor Renkum",
  street: "Bennekomseweg 4",
  city: "Renkum",
  latitude: 51.97,
  longitude: 5.73,
};
const loket = {
  id: "l2",
  street: "Koningstraat 1",
  city: "Arnhem",
  latitude: 51.98,
  longitude: 5.9,
};

describe("places on the map", () => {
  it("makes one place per location, listing every offering given there", () => {
    const places = placesOf([
      { id: "o1", title: "Budgetbeheer", locations: [kantoor, loket] },
      { id: "o2", title: "Nazorg na budgetbeheer", locations: [kantoor] },
      { id: "o3", title: "Telefonisch spreekuur", locations: [] },
    ]);
    expect(places).toEqual([
      {
        id: "l1",
        latitude: 51.97,
        longitude: 5.73,
        title: "Kantoor Renkum: Bennekomseweg 4, Renkum",
        offerings: [
          { id: "o1", title: "Budgetbeheer" },
          { id: "o2", title: "Nazorg na budgetbeheer" },
        ],
      },
      {
        id: "l2",
        latitude: 51.98,
        longitude: 5.9,
        title: "Koningstraat 1, Arnhem",
        offerings: [{ id: "o1", title: "Budgetbeheer" }],
      },
    ]);
  });
});
