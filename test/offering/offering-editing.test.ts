import { daysAgo } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { graphql, query } from "../support/api.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  database,
  offeringInput,
  uniqueWord,
} from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

const createOffering = `
  mutation ($input: OfferingInput!, $organizationId: ID) {
    createOffering(input: $input, organizationId: $organizationId) {
      id title status paletteLevel lastVerifiedAt isStale organization { id } gemeenten { code } locations { city }
      capacity { available total }
    }
  }`;
const updateOffering = `
  mutation ($id: ID!, $input: OfferingInput!) { updateOffering(id: $id, input: $input) { id title lastVerifiedAt } }`;

async function searchTotal(text: string) {
  const data = await query<{ offerings: { totalCount: number } }>(
    `query ($text: String) { offerings(search: { text: $text }) { totalCount } }`,
    { text },
  );
  return data.offerings.totalCount;
}

describe("partners keep their own offerings actual", () => {
  it("creates an offering that the sociale kaart finds at once, checked as of now", async () => {
    const worker = await loggedInUser();
    const location = await buildLocation(worker.organizationId, {
      postcode: "6871 AB",
      city: "Renkum",
    });
    const input = offeringInput({ locationIds: [location], capacity: { available: 2, total: 10 } });
    const result = await graphql<{ createOffering: Record<string, unknown> }>(
      createOffering,
      { input },
      worker.headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createOffering).toMatchObject({
      title: input.title,
      status: "ACTIVE",
      isStale: false,
      organization: { id: worker.organizationId },
      gemeenten: [{ code: "GM0202" }, { code: "GM0274" }],
      locations: [{ city: "Renkum" }],
      capacity: { available: 2, total: 10 },
    });
    expect(await searchTotal(input.title)).toBe(1);
  });

  it("edits an own offering: the old title is gone from the search, the new one found", async () => {
    const worker = await loggedInUser();
    const oldTitle = `Budgetcursus ${uniqueWord()}`;
    const id = await buildOffering({
      organizationId: worker.organizationId,
      title: oldTitle,
      lastVerifiedAt: daysAgo(400),
    });
    const newTitle = `Budgettraining ${uniqueWord()}`;
    const result = await graphql<{ updateOffering: { title: string; lastVerifiedAt: string } }>(
      updateOffering,
      { id, input: offeringInput({ title: newTitle }) },
      worker.headers,
    );
    expect(result.data!.updateOffering.title).toBe(newTitle);
    expect(
      Date.now() - new Date(result.data!.updateOffering.lastVerifiedAt).getTime(),
    ).toBeLessThan(60_000);
    expect(await searchTotal(oldTitle)).toBe(0);
    expect(await searchTotal(newTitle)).toBe(1);
  });

  it("pauses, ends and reopens an offering; only active ones are on the kaart", async () => {
    const worker = await loggedInUser();
    const title = `Spaarkring ${uniqueWord()}`;
    const id = await buildOffering({ organizationId: worker.organizationId, title });
    const setStatus = (status: string) =>
      graphql<{ setOfferingStatus: { status: string } }>(
        `
          mutation ($id: ID!, $status: OfferingStatus!) {
            setOfferingStatus(id: $id, status: $status) {
              status
            }
          }
        `,
        { id, status },
        worker.headers,
      );
    expect((await setStatus("PAUSED")).data!.setOfferingStatus.status).toBe("PAUSED");
    expect(await searchTotal(title)).toBe(0);
    await setStatus("ENDED");
    expect(await searchTotal(title)).toBe(0);
    await setStatus("ACTIVE");
    expect(await searchTotal(title)).toBe(1);
  });

  it("marks a stale offering as checked ('gegevens gecontroleerd')", async () => {
    const worker = await loggedInUser();
    const id = await buildOffering({
      organizationId: worker.organizationId,
      lastVerifiedAt: daysAgo(300),
    });
    const result = await graphql<{ markOfferingVerified: { isStale: boolean } }>(
      `
        mutation ($id: ID!) {
          markOfferingVerified(id: $id) {
            isStale
          }
        }
      `,
      { id },
      worker.headers,
    );
    expect(result.data!.markOfferingVerified.isStale).toBe(false);
  });
});

describe("nobody edits another organisation's offerings", () => {
  it("refuses a worker of another organisation and changes nothing", async () => {
    const title = `Inloopspreekuur ${uniqueWord()}`;
    const id = await buildOffering({ title });
    const outsider = await loggedInUser();
    for (const [document, variables] of [
      [updateOffering, { id, input: offeringInput() }],
      [`mutation ($id: ID!) { setOfferingStatus(id: $id, status: ENDED) { id } }`, { id }],
      [`mutation ($id: ID!) { markOfferingVerified(id: $id) { id } }`, { id }],
    ] as const) {
      const result = await graphql(document, variables, outsider.headers);
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await searchTotal(title)).toBe(1);
  });

  it("refuses creating for another organisation, except for the region's administrator", async () => {
    const otherOrganization = await buildOrganization();
    const worker = await loggedInUser({ roles: ["BEHEERDER"] as never });
    const refused = await graphql(
      createOffering,
      { input: offeringInput(), organizationId: otherOrganization },
      worker.headers,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const regionAdmin = await loggedInUser({ roles: ["REGIO_BEHEERDER"] as never });
    const allowed = await graphql<{ createOffering: { organization: { id: string } } }>(
      createOffering,
      { input: offeringInput(), organizationId: otherOrganization },
      regionAdmin.headers,
    );
    expect(allowed.data?.createOffering.organization.id).toBe(otherOrganization);
  });

  it("asks anonymous visitors to log in", async () => {
    const result = await graphql(createOffering, { input: offeringInput() });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("bad offering input", () => {
  async function expectFieldError(input: Record<string, unknown>, field: string) {
    const worker = await loggedInUser();
    // The worker's own organisation's offerings: other files add offerings meanwhile.
    const count = async () =>
      (await database()).query(
        "SELECT count(*)::int AS n FROM offering WHERE organization_id = $1",
        [worker.organizationId],
      );
    const before = await count();
    const result = await graphql(createOffering, { input: offeringInput(input) }, worker.headers);
    expect(result.errors?.[0]?.extensions, JSON.stringify(result.errors)).toMatchObject({
      code: "BAD_USER_INPUT",
      field,
    });
    expect(result.errors?.[0]?.message).not.toContain(`'${field}'`);
    expect(await count()).toEqual(before);
  }

  it("names the field in Dutch and writes nothing", async () => {
    await expectFieldError({ title: "ab" }, "title");
    await expectFieldError({ description: "Te kort." }, "description");
    await expectFieldError({ paletteLevel: null }, "paletteLevel");
    await expectFieldError({ channels: [] }, "channels");
    await expectFieldError({ capacity: { available: 5, total: 2 } }, "available");
    await expectFieldError({ capacity: { available: -1 } }, "available");
    await expectFieldError({ gemeenten: ["GM9999"] }, "gemeenten");
    await expectFieldError({ gemeenten: [], locationIds: [] }, "gemeenten");
    await expectFieldError({ languages: ["Nederlands"] }, "languages");
    await expectFieldError({ contactPerson: { name: "Sanne", email: "geen-adres" } }, "email");
  });

  it("says where a nested field sits, so a form can mark the right one", async () => {
    const worker = await loggedInUser();
    const result = await graphql(
      createOffering,
      { input: offeringInput({ contactPerson: { name: "Sanne", email: "geen-adres" } }) },
      worker.headers,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "email",
      fieldPath: "contactPerson.email",
    });
  });

  it("accepts only locations of the own organisation", async () => {
    const elsewhere = await buildLocation(await buildOrganization());
    await expectFieldError({ locationIds: [elsewhere] }, "locationIds");
  });
});

describe("partners keep their organisation actual", () => {
  const updateOrganization = `
    mutation ($id: ID!, $input: OrganizationInput!) {
      updateOrganization(id: $id, input: $input) { name website contactPoint { phone walkInHours } gemeenten { code } }
    }`;
  const organizationInput = (overrides: Record<string, unknown> = {}) => ({
    name: `Stichting ${uniqueWord()}`,
    description: "Vrijwilligers voor thuisadministratie.",
    gemeenten: ["GM0202", "GM0275"],
    contactPoint: { phone: "026 555 12 12", walkInHours: "Woensdag 10.00–12.00 uur" },
    website: "https://www.stichting.example",
    nvvkMember: false,
    ...overrides,
  });

  it("lets the organisation's beheerder edit it", async () => {
    const beheerder = await loggedInUser({ roles: ["BEHEERDER"] as never });
    const input = organizationInput();
    const result = await graphql<{ updateOrganization: Record<string, unknown> }>(
      updateOrganization,
      { id: beheerder.organizationId, input },
      beheerder.headers,
    );
    expect(result.data?.updateOrganization).toEqual({
      name: input.name,
      website: "https://www.stichting.example",
      contactPoint: { phone: "026 555 12 12", walkInHours: "Woensdag 10.00–12.00 uur" },
      gemeenten: [{ code: "GM0202" }, { code: "GM0275" }],
    });
  });

  it("refuses a plain worker and other organisations, but not the region's administrator", async () => {
    const worker = await loggedInUser({ roles: ["MEDEWERKER"] as never });
    const own = await graphql(
      updateOrganization,
      { id: worker.organizationId, input: organizationInput() },
      worker.headers,
    );
    expect(own.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const other = await buildOrganization();
    const beheerder = await loggedInUser({ roles: ["BEHEERDER"] as never });
    const foreign = await graphql(
      updateOrganization,
      { id: other, input: organizationInput() },
      beheerder.headers,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const regionAdmin = await loggedInUser({ roles: ["REGIO_BEHEERDER"] as never });
    const allowed = await graphql(
      updateOrganization,
      { id: other, input: organizationInput() },
      regionAdmin.headers,
    );
    expect(allowed.errors).toBeUndefined();
  });

  it("rejects an incomplete website address with a Dutch message", async () => {
    const beheerder = await loggedInUser({ roles: ["BEHEERDER"] as never });
    const result = await graphql(
      updateOrganization,
      { id: beheerder.organizationId, input: organizationInput({ website: "stichting.example" }) },
      beheerder.headers,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "website",
    });
  });
});

describe("the region's administrator manages partners", () => {
  const createOrganization = `
    mutation ($input: NewOrganizationInput!) { createOrganization(input: $input) { id name kind gemeenten { code } } }`;
  const input = () => ({
    name: `Stichting ${uniqueWord()}`,
    kind: "VRIJWILLIGERSORGANISATIE",
    gemeenten: ["GM0221"],
    contactPoint: { email: "loket@stichting.example" },
    nvvkMember: false,
    coordinator: { name: "Jet Bosman" },
  });

  it("adds a partner to the region", async () => {
    const regionAdmin = await loggedInUser({ roles: ["REGIO_BEHEERDER"] as never });
    const organization = input();
    const result = await graphql<{
      createOrganization: { name: string; kind: string; gemeenten: Array<{ code: string }> };
    }>(createOrganization, { input: organization }, regionAdmin.headers);
    expect(result.data?.createOrganization).toMatchObject({
      name: organization.name,
      kind: "VRIJWILLIGERSORGANISATIE",
      gemeenten: [{ code: "GM0221" }],
    });
  });

  it("is the only one who may", async () => {
    const beheerder = await loggedInUser({ roles: ["BEHEERDER"] as never });
    const result = await graphql(createOrganization, { input: input() }, beheerder.headers);
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
