import { daysAgo } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { query } from "../support/api.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  uniqueWord,
} from "../support/factories.js";

const offeringQuery = `
  query ($id: ID!) {
    offering(id: $id) {
      id title status isStale lastVerifiedAt documentsNeeded languages
      capacity { available total updatedAt }
      gemeenten { code name }
      locations { street postcode city gemeente { name } }
      organization {
        id name kind nvvkMember website
        contactPoint { phone email address openingHours walkInHours }
        coordinator { name phone email }
        offerings { id title }
      }
    }
  }`;

interface OfferingDetail {
  id: string;
  title: string;
  status: string;
  isStale: boolean;
  lastVerifiedAt: string;
  capacity: { available: number; total: number | null; updatedAt: string } | null;
  gemeenten: Array<{ code: string; name: string }>;
  locations: Array<{ street: string; postcode: string; city: string; gemeente: { name: string } }>;
  organization: {
    id: string;
    name: string;
    contactPoint: { phone: string | null; walkInHours: string | null };
    coordinator: { name: string } | null;
    offerings: Array<{ id: string; title: string }>;
  };
}

describe("an offering and its organisation", () => {
  it("shows everything a worker needs to refer a client", async () => {
    const word = uniqueWord();
    const organizationId = await buildOrganization({
      name: `Budgetmaatjes ${word}`,
      contactPoint: { phone: "026 111 22 33", walkInHours: "Dinsdag 13.00–15.00 uur" },
      coordinator: { name: "Fatima el Amrani", phone: "06 1234 5678" },
    });
    const locationId = await buildLocation(organizationId, {
      street: "Steenstraat 12",
      postcode: "6828CA",
      city: "Arnhem",
    });
    const id = await buildOffering({
      organizationId,
      title: `Maatje na de schuldregeling ${word}`,
      locationIds: [locationId],
      gemeenteCodes: ["GM0274"],
      capacity: { available: 2, total: 8, updatedAt: new Date("2026-10-01T10:00:00Z") },
    });
    await buildOffering({ organizationId, title: `Tweede aanbod ${word}` });

    const { offering } = await query<{ offering: OfferingDetail }>(offeringQuery, { id });
    expect(offering.title).toBe(`Maatje na de schuldregeling ${word}`);
    expect(offering.isStale).toBe(false);
    expect(offering.capacity).toEqual({
      available: 2,
      total: 8,
      updatedAt: "2026-10-01T10:00:00.000Z",
    });
    // Covered Renkum explicitly, Arnhem through its location.
    expect(offering.gemeenten.map((g) => g.name)).toEqual(["Arnhem", "Renkum"]);
    expect(offering.locations).toEqual([
      {
        street: "Steenstraat 12",
        postcode: "6828 CA",
        city: "Arnhem",
        gemeente: { name: "Arnhem" },
      },
    ]);
    expect(offering.organization.contactPoint.walkInHours).toBe("Dinsdag 13.00–15.00 uur");
    expect(offering.organization.coordinator?.name).toBe("Fatima el Amrani");
    expect(offering.organization.offerings.map((o) => o.title)).toEqual([
      `Maatje na de schuldregeling ${word}`,
      `Tweede aanbod ${word}`,
    ]);
  });

  it("marks an offering not verified for over six months as stale", async () => {
    const id = await buildOffering({ lastVerifiedAt: daysAgo(200) });
    const { offering } = await query<{ offering: OfferingDetail }>(offeringQuery, { id });
    expect(offering.isStale).toBe(true);
  });

  it("answers null for an id that does not exist", async () => {
    const data = await query<{ offering: null; organization: null }>(
      `{ offering(id: "00000000-0000-4000-8000-000000000000") { id } organization(id: "nope") { id } }`,
    );
    expect(data).toEqual({ offering: null, organization: null });
  });
});
