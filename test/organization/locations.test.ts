import { describe, expect, it } from "vitest";
import { graphql, query } from "../support/api.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  uniqueWord,
} from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

const locationFields = "id street postcode city latitude longitude gemeente { code }";
const offeringGemeenten = `
  query ($id: ID!) { offering(id: $id) { gemeenten { code } coveredGemeenten { code } locations { city } } }`;

async function gemeentenOf(id: string) {
  const { offering } = await query<{
    offering: {
      gemeenten: Array<{ code: string }>;
      coveredGemeenten: Array<{ code: string }>;
      locations: Array<{ city: string }>;
    };
  }>(offeringGemeenten, { id });
  return {
    served: offering.gemeenten.map((g) => g.code),
    covered: offering.coveredGemeenten.map((g) => g.code),
    cities: offering.locations.map((l) => l.city),
  };
}

describe("locations of an organisation", () => {
  it("places a new location at the middle of its postcode area and in its gemeente", async () => {
    const worker = await loggedInUser();
    const result = await graphql<{ createLocation: Record<string, unknown> }>(
      `mutation ($input: LocationInput!) { createLocation(input: $input) { ${locationFields} } }`,
      {
        input: { name: "Buurthuis", street: "Dorpsstraat 11", postcode: "6871ab", city: "Renkum" },
      },
      worker.headers,
    );
    const area = await query<{ postcodeArea: { latitude: number; longitude: number } }>(
      `{ postcodeArea(code: "6871") { latitude longitude } }`,
    );
    expect(result.data?.createLocation).toMatchObject({
      postcode: "6871 AB",
      latitude: area.postcodeArea.latitude,
      longitude: area.postcodeArea.longitude,
      gemeente: { code: "GM0274" },
    });
  });

  it("keeps where its offerings can be used in step when it moves or goes", async () => {
    const worker = await loggedInUser();
    const location = await buildLocation(worker.organizationId, {
      postcode: "6871 AA",
      city: "Renkum",
    });
    const word = uniqueWord();
    const id = await buildOffering({
      organizationId: worker.organizationId,
      title: `Inloop ${word}`,
      locationIds: [location],
      gemeenteCodes: ["GM0202"],
    });
    expect(await gemeentenOf(id)).toEqual({
      served: ["GM0202", "GM0274"],
      covered: ["GM0202"],
      cities: ["Renkum"],
    });

    const moved = await graphql(
      `
        mutation ($id: ID!, $input: LocationInput!) {
          updateLocation(id: $id, input: $input) {
            id
          }
        }
      `,
      { id: location, input: { street: "Kerkstraat 2", postcode: "6921 BC", city: "Duiven" } },
      worker.headers,
    );
    expect(moved.errors).toBeUndefined();
    expect(await gemeentenOf(id)).toEqual({
      served: ["GM0202", "GM0226"],
      covered: ["GM0202"],
      cities: ["Duiven"],
    });
    const inRenkum = await query<{ offerings: { totalCount: number } }>(
      `query ($text: String) { offerings(search: { text: $text, gemeenten: ["GM0274"] }) { totalCount } }`,
      { text: word },
    );
    expect(inRenkum.offerings.totalCount).toBe(0);

    const deleted = await graphql(
      `
        mutation ($id: ID!) {
          deleteLocation(id: $id)
        }
      `,
      { id: location },
      worker.headers,
    );
    expect(deleted.errors).toBeUndefined();
    expect(await gemeentenOf(id)).toEqual({ served: ["GM0202"], covered: ["GM0202"], cities: [] });
  });

  it("refuses another organisation's location and names a bad postcode", async () => {
    const foreign = await buildLocation(await buildOrganization());
    const worker = await loggedInUser();
    const refused = await graphql(
      `
        mutation ($id: ID!) {
          deleteLocation(id: $id)
        }
      `,
      { id: foreign },
      worker.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await graphql(
      `
        mutation ($input: LocationInput!) {
          createLocation(input: $input) {
            id
          }
        }
      `,
      { input: { street: "Nergensweg 1", postcode: "9999 ZZ", city: "Nergens" } },
      worker.headers,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "postcode",
    });
  });
});
