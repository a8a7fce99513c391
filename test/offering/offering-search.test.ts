import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { graphql, query } from "../support/api.js";
import { whileUnchanged } from "../support/unchanged.js";
import {
  buildLocation,
  buildOffering,
  buildOrganization,
  database,
  uniqueWord,
} from "../support/factories.js";
import {
  Channel,
  DeliveredBy,
  LifeDomain,
  PaletteLevel,
  Phase,
  ServiceModule,
  TargetGroup,
} from "../../server/taxonomy/taxonomy.js";

const search = `
  query Search($search: OfferingSearchInput, $first: Int, $after: String) {
    offerings(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        distanceKm
        node {
          id title module channels paletteLevel gemeenten { code }
          locations { latitude longitude }
          organization { name }
        }
      }
      facets { field values { value label count } }
    }
  }`;

interface Edge {
  cursor: string;
  distanceKm: number | null;
  node: {
    id: string;
    title: string;
    module: string;
    channels: string[];
    paletteLevel: string | null;
    gemeenten: Array<{ code: string }>;
    locations: Array<{ latitude: number; longitude: number }>;
    organization: { name: string };
  };
}

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
  facets: Array<{ field: string; values: Array<{ value: string; label: string; count: number }> }>;
}

async function offerings(searchInput: Record<string, unknown>, first = 100, after?: string) {
  const data = await query<{ offerings: Connection }>(search, {
    search: searchInput,
    first,
    after,
  });
  return data.offerings;
}

const titles = (connection: Connection) => connection.edges.map((e) => e.node.title).sort();

describe("text search", () => {
  it("finds Dutch word forms: a singular finds the plural and the other way round", async () => {
    const word = uniqueWord();
    await buildOffering({
      title: `Maatjes voor gezinnen ${word}`,
      description: "Wij helpen bij schulden en betalingsachterstanden.",
    });
    expect(titles(await offerings({ text: `schuld ${word}` }))).toEqual([
      `Maatjes voor gezinnen ${word}`,
    ]);
    expect(titles(await offerings({ text: `gezin ${word}` }))).toEqual([
      `Maatjes voor gezinnen ${word}`,
    ]);
    expect(titles(await offerings({ text: `betalingsachterstand ${word}` }))).toHaveLength(1);
  });

  it("ignores accents in both directions", async () => {
    const word = uniqueWord();
    await buildOffering({
      title: `Financiële ondersteuning ${word}`,
      description: "Voor een café-eigenaar.",
    });
    expect(titles(await offerings({ text: `financiele ${word}` }))).toEqual([
      `Financiële ondersteuning ${word}`,
    ]);
    expect(titles(await offerings({ text: `FINANCIËLE ${word}` }))).toHaveLength(1);
    expect(titles(await offerings({ text: `cafe ${word}` }))).toHaveLength(1);
  });

  it("tolerates small typos", async () => {
    const word = uniqueWord();
    await buildOffering({
      title: `Budgetbeheer met een maatje ${word}`,
      description: "Ondersteuning na schuldhulpverlening.",
    });
    expect(titles(await offerings({ text: `budgetbeher ${word}` }))).toHaveLength(1);
    expect(titles(await offerings({ text: `schuldhulpverlenign ${word}` }))).toHaveLength(1);
    expect(titles(await offerings({ text: `maatej ${word}` }))).toHaveLength(1);
  });

  it("finds an offering added since by a typo searched before it existed", async () => {
    const word = uniqueWord();
    const typo = `${word}e`;
    expect((await offerings({ text: typo })).totalCount).toBe(0);
    await buildOffering({ title: `Thuisadministratie ${word}` });
    const found = await offerings({ text: typo });
    expect(found.totalCount).toBe(1);
    expect(titles(found)).toEqual([`Thuisadministratie ${word}`]);
  });

  it("takes quotes and backslashes in the text as separators, never as SQL", async () => {
    const word = uniqueWord();
    await buildOffering({ title: `Thuisadministratie ${word}` });
    expect(titles(await offerings({ text: `'${word}\\'` }))).toEqual([
      `Thuisadministratie ${word}`,
    ]);
    expect((await offerings({ text: `${word}'); DROP TABLE offering; --` })).totalCount).toBe(0);
    expect((await offerings({ text: word })).totalCount).toBe(1);
  });

  it("finds a word with letters that unaccent turns into query syntax", async () => {
    const word = uniqueWord();
    await buildOffering({ title: `Dʼ${word}ʼs ŉ ⑴ ː` });
    for (const text of ["ʼ", "ː", "⑴", "ŉ", `dʼ${word}ʼs`, `${word}ː`, `ŉ ${word}`]) {
      const result = await graphql<{ offerings: Connection }>(search, { search: { text } });
      expect(result.errors, text).toBeUndefined();
    }
    expect(titles(await offerings({ text: `Dʼ${word}ʼs` }))).toEqual([`Dʼ${word}ʼs ŉ ⑴ ː`]);
  });

  it("answers every text with letters unaccent rewrites, and never an error", async () => {
    // Every character of the Basic Multilingual Plane that unaccent changes (ligatures, letters
    // that become punctuation, enclosed numbers).
    const [{ characters }] = (await (
      await database()
    ).query(
      `SELECT string_agg(chr(c), '' ORDER BY c) AS characters FROM generate_series(160, 65533) c
        WHERE c NOT BETWEEN 55296 AND 57343 AND unaccent(chr(c)) <> chr(c)`,
    )) as [{ characters: string }];
    const all = [...characters];
    expect(all.length).toBeGreaterThan(1000);
    // Twelve words of four letters each: prefixes, without the slower typo lookup.
    for (let start = 0; start < all.length; start += 12) {
      const text = all
        .slice(start, start + 12)
        .map((c) => `a${c}bc`)
        .join(" ");
      const result = await graphql<{ offerings: Connection }>(search, {
        search: { text },
        first: 1,
      });
      expect(result.errors, JSON.stringify(text)).toBeUndefined();
    }
  });

  it("answers any text without an internal error (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 60 }),
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.string({ unit: fc.constantFrom(..."ʼː⑴ŉ'\\:&|!()<>*-aé "), maxLength: 40 }),
        ),
        async (text) => {
          const result = await graphql(search, { search: { text }, first: 1 });
          // Text that is no valid Unicode (a lone surrogate) is refused as the caller's mistake.
          for (const error of result.errors ?? []) {
            expect(error.extensions?.code, JSON.stringify(text)).toBe("BAD_USER_INPUT");
          }
          expect(result.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("requires every word: a word that matches nothing finds nothing", async () => {
    const word = uniqueWord();
    await buildOffering({ title: `Thuisadministratie ${word}` });
    expect((await offerings({ text: `${word} zeppelinhangar` })).totalCount).toBe(0);
  });

  it("ranks a match in the title above a match in the description", async () => {
    const word = uniqueWord();
    await buildOffering({
      title: `Spreekuur ${word}`,
      description: "Inloop zonder afspraak, ook voor waakvlamcontact.",
    });
    await buildOffering({
      title: `Waakvlamcontact ${word}`,
      description: "Elke twee maanden een belletje.",
    });
    const result = await offerings({ text: `waakvlamcontact ${word}` });
    expect(result.edges.map((e) => e.node.title)).toEqual([
      `Waakvlamcontact ${word}`,
      `Spreekuur ${word}`,
    ]);
  });

  it("finds offerings by their organisation's name", async () => {
    const word = uniqueWord();
    const organizationId = await buildOrganization({ name: `Kredietbank ${word}` });
    await buildOffering({ organizationId, title: "Herfinanciering van schulden" });
    const result = await offerings({ text: `kredietbank ${word}` });
    expect(result.edges.map((e) => e.node.organization.name)).toEqual([`Kredietbank ${word}`]);
  });

  it("lists every active offering when the text is empty, and never paused or ended ones", async () => {
    const word = uniqueWord();
    await buildOffering({ title: `Gepauzeerd ${word}`, status: "PAUSED" as never });
    await buildOffering({ title: `Beëindigd ${word}`, status: "ENDED" as never });
    const { read: all, look: empty } = await whileUnchanged(
      () => offerings({}),
      () => offerings({ text: "   " }),
    );
    expect(empty.totalCount).toBe(all.totalCount);
    expect(all.totalCount).toBeGreaterThanOrEqual(120);
    expect((await offerings({ text: word })).totalCount).toBe(0);
  });
});

describe("filters", () => {
  let word: string;

  beforeAll(async () => {
    word = uniqueWord();
    const fixtures: Array<[string, ServiceModule, Channel[]]> = [
      ["telefoon waakvlam", ServiceModule.WAAKVLAM_NAZORG, [Channel.TELEFOON]],
      ["whatsapp waakvlam", ServiceModule.WAAKVLAM_NAZORG, [Channel.WHATSAPP]],
      ["inloop budgetcoaching", ServiceModule.BUDGETCOACHING, [Channel.INLOOP]],
      [
        "telefoon en huisbezoek coaching",
        ServiceModule.BUDGETCOACHING,
        [Channel.TELEFOON, Channel.HUISBEZOEK],
      ],
    ];
    for (const [title, module, channels] of fixtures) {
      await buildOffering({ title: `${title} ${word}`, module, channels });
    }
  });

  it("combines the values of one filter with OR", async () => {
    const result = await offerings({ text: word, channels: ["WHATSAPP", "INLOOP"] });
    expect(titles(result)).toEqual([`inloop budgetcoaching ${word}`, `whatsapp waakvlam ${word}`]);
  });

  it("combines different filters with AND", async () => {
    const result = await offerings({
      text: word,
      channels: ["TELEFOON"],
      modules: ["BUDGETCOACHING"],
    });
    expect(titles(result)).toEqual([`telefoon en huisbezoek coaching ${word}`]);
  });

  it("counts each facet value with all other filters applied but not its own", async () => {
    const result = await offerings({
      text: word,
      channels: ["TELEFOON"],
      modules: ["WAAKVLAM_NAZORG"],
    });
    expect(result.totalCount).toBe(1);
    const channels = result.facets.find((f) => f.field === "channels")!;
    const count = (value: string) => channels.values.find((v) => v.value === value)!.count;
    // Within WAAKVLAM_NAZORG, ignoring the channel filter: one by phone, one by WhatsApp.
    expect(count("TELEFOON")).toBe(1);
    expect(count("WHATSAPP")).toBe(1);
    expect(count("INLOOP")).toBe(0);
    const modules = result.facets.find((f) => f.field === "module")!;
    // By phone, ignoring the module filter: one waakvlam, one budgetcoaching.
    expect(modules.values.find((v) => v.value === "BUDGETCOACHING")!.count).toBe(1);
    expect(modules.values.find((v) => v.value === "WAAKVLAM_NAZORG")!.count).toBe(1);
  });

  it("gives facet counts equal to the total of the search with that value chosen", async () => {
    // Offerings of this test only, found by their word and different in every facet: other
    // test files add offerings to the directory meanwhile.
    const own = uniqueWord();
    const variants: Array<Parameters<typeof buildOffering>[0]> = [
      { lifeDomains: [LifeDomain.FINANCIEN] },
      {
        module: ServiceModule.BUDGETCOACHING,
        phases: [Phase.STABILISATIE, Phase.NAZORG],
        paletteLevel: PaletteLevel.A3,
        lifeDomains: [LifeDomain.FINANCIEN, LifeDomain.WONEN],
        targetGroups: [TargetGroup.OUDEREN],
        channels: [Channel.TELEFOON, Channel.HUISBEZOEK],
        deliveredBy: [DeliveredBy.BEROEPSKRACHT],
        gemeenteCodes: ["GM0202", "GM0274"],
      },
      {
        phases: [Phase.ONTWIKKELING],
        paletteLevel: null,
        channels: [Channel.HUISBEZOEK],
        deliveredBy: [DeliveredBy.ERVARINGSDESKUNDIGE],
        gemeenteCodes: ["GM0274"],
      },
      { module: ServiceModule.INFORMATIE_ADVIES, phases: [Phase.STABILISATIE], paletteLevel: null },
      {
        paletteLevel: PaletteLevel.A1,
        channels: [Channel.WHATSAPP],
        targetGroups: [TargetGroup.JONGEREN],
      },
    ];
    for (const [index, variant] of variants.entries()) {
      await buildOffering({ title: `Facet ${index + 1} ${own}`, ...variant });
    }
    const base = { text: own, channels: ["TELEFOON", "HUISBEZOEK"], phases: ["NAZORG"] };
    const inputFieldOf: Record<string, string> = {
      module: "modules",
      phases: "phases",
      paletteLevel: "paletteLevels",
      lifeDomains: "lifeDomains",
      targetGroups: "targetGroups",
      channels: "channels",
      deliveredBy: "deliveredBy",
      gemeenten: "gemeenten",
    };
    const result = await offerings(base, 1);
    expect(result.totalCount).toBe(2);
    expect(result.facets.map((f) => f.field)).toEqual(Object.keys(inputFieldOf));
    for (const facet of result.facets) {
      for (const value of facet.values) {
        const narrowed = await offerings(
          { ...base, [inputFieldOf[facet.field]!]: [value.value] },
          1,
        );
        expect(narrowed.totalCount, `${facet.field}=${value.value}`).toBe(value.count);
      }
    }
  });

  it("labels facet values in Dutch, in the order of the taxonomy", async () => {
    const result = await offerings({}, 1);
    const palette = result.facets.find((f) => f.field === "paletteLevel")!;
    expect(palette.values.map((v) => v.value)).toEqual(Object.values(PaletteLevel));
    expect(palette.values.find((v) => v.value === "A7")!.label).toBe(
      "Waakvlamcontacten door vrijwilligers",
    );
    const gemeenten = result.facets.find((f) => f.field === "gemeenten")!;
    expect(gemeenten.values.find((v) => v.value === "GM0202")!.label).toBe("Arnhem");
  });

  it("filters on palette level, phase, delivered by and free capacity", async () => {
    const own = uniqueWord();
    await buildOffering({
      title: `Spaarkring ${own}`,
      paletteLevel: PaletteLevel.A9,
      deliveredBy: [DeliveredBy.ERVARINGSDESKUNDIGE],
      capacity: { available: 3, total: 10, updatedAt: new Date() },
    });
    await buildOffering({
      title: `Budgetcursus ${own}`,
      paletteLevel: PaletteLevel.A4,
      phases: [Phase.ONTWIKKELING, Phase.NAZORG],
      capacity: { available: 0, total: 12, updatedAt: new Date() },
    });
    expect(titles(await offerings({ text: own, paletteLevels: ["A9"] }))).toEqual([
      `Spaarkring ${own}`,
    ]);
    expect(titles(await offerings({ text: own, phases: ["ONTWIKKELING"] }))).toEqual([
      `Budgetcursus ${own}`,
    ]);
    expect(titles(await offerings({ text: own, deliveredBy: ["ERVARINGSDESKUNDIGE"] }))).toEqual([
      `Spaarkring ${own}`,
    ]);
    expect(titles(await offerings({ text: own, withCapacityOnly: true }))).toEqual([
      `Spaarkring ${own}`,
    ]);
  });

  it("filters on the gemeenten an offering serves, including those of its locations", async () => {
    const own = uniqueWord();
    const organizationId = await buildOrganization();
    const renkum = await buildLocation(organizationId, {
      postcode: "6871 AA",
      city: "Renkum",
      latitude: 51.9756,
      longitude: 5.7339,
    });
    await buildOffering({
      organizationId,
      title: `Inloop Renkum ${own}`,
      locationIds: [renkum],
      gemeenteCodes: [],
    });
    await buildOffering({
      organizationId,
      title: `Huisbezoek Arnhem ${own}`,
      gemeenteCodes: ["GM0202"],
    });
    expect(titles(await offerings({ text: own, gemeenten: ["GM0274"] }))).toEqual([
      `Inloop Renkum ${own}`,
    ]);
    expect(titles(await offerings({ text: own, gemeenten: ["GM0202", "GM0274"] }))).toHaveLength(2);
  });
});

/** Great-circle distance on the mean earth radius, computed independently of the server. */
function haversineKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe("near a postcode", () => {
  async function centroid(code: string) {
    const data = await query<{
      postcodeArea: { latitude: number; longitude: number; gemeente: { code: string } };
    }>(
      `query ($code: String!) { postcodeArea(code: $code) { latitude longitude gemeente { code } } }`,
      { code },
    );
    return data.postcodeArea;
  }

  it("gives each result the distance to its nearest location and sorts by it", async () => {
    const origin = await centroid("6821");
    const result = await offerings({ near: "6821 AB" });
    expect(result.edges.length).toBeGreaterThan(20);
    let previous = 0;
    for (const edge of result.edges) {
      if (edge.node.locations.length === 0) {
        // Offerings without a place match because they serve the postcode's gemeente.
        expect(edge.distanceKm).toBeNull();
        expect(edge.node.gemeenten.map((g) => g.code)).toContain(origin.gemeente.code);
        continue;
      }
      const expected = Math.min(...edge.node.locations.map((l) => haversineKm(origin, l)));
      expect(edge.distanceKm).toBeCloseTo(expected, 6);
      expect(edge.distanceKm!).toBeGreaterThanOrEqual(previous);
      previous = edge.distanceKm!;
    }
  });

  it("keeps only offerings within the maximum distance, and all of them", async () => {
    const everything: Edge[] = [];
    let after: string | undefined;
    do {
      const page = await offerings({ near: "6871" }, 100, after);
      everything.push(...page.edges);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    const within = await offerings({ near: "6871", maxDistanceKm: 5 });
    const expected = everything.filter((e) => e.distanceKm === null || e.distanceKm <= 5);
    expect(within.totalCount).toBe(expected.length);
    expect(within.edges.map((e) => e.node.id).sort()).toEqual(
      expected.map((e) => e.node.id).sort(),
    );
    expect(within.totalCount).toBeLessThan(everything.length);
  });

  it("pages through the few nearby matches in order of distance, never splitting a place", async () => {
    const own = uniqueWord();
    const organizationId = await buildOrganization();
    // A search reads the nearest offerings first, a few more each time, and must give the
    // same pages as when it read them all: one place, however many offerings it has, is read
    // whole or not at all. The first place, almost at the centre of 6917, has 30 offerings
    // (24 matches and 6 that a filter leaves out), more than lie between two of the counts at
    // which the search looks again, so reading by count instead of distance would split it;
    // the second place is farther.
    const places = [
      { latitude: 51.8623, longitude: 6.1533, titles: 24, filteredOut: 6 },
      { latitude: 51.88, longitude: 6.17, titles: 5, filteredOut: 2 },
    ];
    const title = (place: number, index: number) =>
      `${String.fromCharCode(97 + index)} ${own} ${place}`;
    for (const [place, { latitude, longitude, titles, filteredOut }] of places.entries()) {
      const locationId = await buildLocation(organizationId, { latitude, longitude });
      // Added in reverse title order, so that no order of reading happens to be the answer.
      for (let index = titles + filteredOut - 1; index >= 0; index--) {
        await buildOffering({
          organizationId,
          title: title(place, index),
          locationIds: [locationId],
          channels: index >= titles ? [Channel.GROEP] : [Channel.TELEFOON],
        });
      }
    }
    const input = { text: own, near: "6917", maxDistanceKm: 10, channels: [Channel.TELEFOON] };
    const seen: Edge[] = [];
    let after: string | undefined;
    do {
      const page = await offerings(input, 2, after);
      expect(page.totalCount).toBe(29);
      seen.push(...page.edges);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
    expect(seen.map((e) => e.node.title)).toEqual(
      places.flatMap(({ titles }, place) =>
        Array.from({ length: titles }, (_, index) => title(place, index)),
      ),
    );
    const distances = seen.map((e) => e.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("finds an offering without a location only in the gemeenten it serves", async () => {
    const own = uniqueWord();
    await buildOffering({ title: `Thuisbezoek Duiven ${own}`, gemeenteCodes: ["GM0226"] });
    expect((await offerings({ text: own, near: "6921" })).totalCount).toBe(1);
    expect((await offerings({ text: own, near: "6811" })).totalCount).toBe(0);
  });
});

describe("what a page shows", () => {
  const everyField = `
    fragment Shown on Offering {
      id title description module phases paletteLevel lifeDomains targetGroups channels
      deliveredBy frequency duration costs waitingTime documentsNeeded documentsNote languages
      contactPerson { name phone email } status lastVerifiedAt
      capacity { available total updatedAt } isStale
      locations { id name } gemeenten { code } coveredGemeenten { code }
      organization {
        id name kind description website nvvkMember
        contactPoint { phone email address openingHours walkInHours }
        coordinator { name phone email } gemeenten { code } locations { id } offerings { id }
      }
    }`;

  it("shows every field of an offering and its organisation as the offering's own page does", async () => {
    const word = uniqueWord();
    const organizationId = await buildOrganization({
      description: "Vrijwilligers die thuis helpen met de post.",
      website: "https://test.example",
      nvvkMember: true,
      contactPoint: {
        phone: "026 765 43 21",
        email: "info@test.example",
        address: "Markt 1, Arnhem",
        openingHours: "ma-vr 9-17",
        walkInHours: "di 10-12",
      },
      coordinator: { name: "Fatima el Amrani", phone: "06 12345678", email: "f@test.example" },
    });
    const locationId = await buildLocation(organizationId);
    const id = await buildOffering({
      organizationId,
      title: `Thuisadministratie ${word}`,
      frequency: "wekelijks",
      duration: "een jaar",
      costs: "gratis",
      waitingTime: "twee weken",
      documentsNeeded: true,
      documentsNote: "Neem uw post mee.",
      languages: ["nl", "ar"],
      contactPerson: { name: "Joost Bakker", phone: "026 111 22 33", email: "j@test.example" },
      capacity: { available: 3, total: 10, updatedAt: new Date("2026-11-01T10:00:00Z") },
      locationIds: [locationId],
      gemeenteCodes: ["GM0202", "GM0274"],
    });

    const data = await query<{
      offerings: { edges: Array<{ node: Record<string, unknown> }> };
      offering: Record<string, unknown>;
    }>(
      `query ($search: OfferingSearchInput, $id: ID!) {
        offerings(search: $search) { edges { node { ...Shown } } }
        offering(id: $id) { ...Shown }
      } ${everyField}`,
      { search: { text: word }, id },
    );
    expect(data.offerings.edges.map((edge) => edge.node)).toEqual([data.offering]);
    expect(data.offering).toMatchObject({
      description: "Een aanbod om mee te testen.",
      capacity: { available: 3, total: 10 },
      contactPerson: { name: "Joost Bakker" },
      organization: {
        description: "Vrijwilligers die thuis helpen met de post.",
        contactPoint: { walkInHours: "di 10-12" },
        coordinator: { name: "Fatima el Amrani" },
        offerings: [{ id }],
      },
    });
  });

  it("still gives whole records to other fields of the same request when a page shows little", async () => {
    const word = uniqueWord();
    const organizationId = await buildOrganization({
      description: "Schuldhulp aan huis.",
      contactPoint: { email: "hulp@test.example" },
    });
    await buildOffering({ organizationId, title: `Hulp ${word}` });

    // The page reads only the organisation's name; the offerings below it read their
    // organisation again, by id, with the fields the page left out.
    const data = await query<{
      offerings: {
        edges: Array<{
          node: {
            organization: {
              name: string;
              offerings: Array<{
                organization: { description: string; contactPoint: { email: string } };
              }>;
            };
          };
        }>;
      };
    }>(
      `query ($search: OfferingSearchInput) {
        offerings(search: $search) { edges { node { title organization { name
          offerings { organization { description contactPoint { email } } } } } } }
      }`,
      { search: { text: word } },
    );
    const [edge] = data.offerings.edges;
    expect(edge!.node.organization.offerings).toEqual([
      {
        organization: {
          description: "Schuldhulp aan huis.",
          contactPoint: { email: "hulp@test.example" },
        },
      },
    ]);
  });
});

describe("paging", () => {
  it("visits every match exactly once, in the same order as one large page", async () => {
    // A directory of its own, under a word no other test uses: pages of 7 through 23 matches,
    // by relevance (some equally relevant) and by distance (some at the same place).
    const own = uniqueWord();
    const organizationId = await buildOrganization();
    const places = await Promise.all(
      [
        { latitude: 51.99, longitude: 5.92 },
        { latitude: 52.01, longitude: 5.95 },
        { latitude: 51.96, longitude: 5.87 },
      ].map((place) => buildLocation(organizationId, place)),
    );
    for (let index = 0; index < 23; index++) {
      await buildOffering({
        organizationId,
        title: index % 3 === 0 ? `Schulden ${own}` : `Hulp ${index} ${own}`,
        description: index % 2 === 0 ? "Wij helpen bij schulden." : "Wij helpen bij de post.",
        locationIds: [places[index % places.length]!],
      });
    }
    for (const input of [{ text: own }, { text: `schulden ${own}` }, { text: own, near: "6828" }]) {
      const all = await offerings(input, 100);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await offerings(input, 7, after);
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      } while (after);
      expect(all.totalCount).toBeGreaterThan(7);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(all.totalCount);
      expect(seen).toEqual(all.edges.map((e) => e.node.id));
    }
  });
});

describe("bad input", () => {
  async function expectUserError(variables: Record<string, unknown>, field: string) {
    const result = await graphql(search, variables);
    expect(result.status).not.toBe(500);
    expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error!.extensions?.field).toBe(field);
    expect(error!.message).not.toContain(`'${field}'`);
    expect(error!.extensions).not.toHaveProperty("stacktrace");
    return error!;
  }

  it("counts a change at once, even for a search whose counts were kept from before", async () => {
    const word = uniqueWord();
    const organizationId = await buildOrganization();
    const first = await buildOffering({ organizationId, title: `Formulierenhulp ${word}` });
    await buildOffering({ organizationId, title: `Belastinghulp ${word}` });
    const moduleCount = (result: Connection) =>
      result.facets
        .find((facet) => facet.field === "module")!
        .values.filter((value) => value.count > 0)
        .map((value) => [value.value, value.count]);
    const before = await offerings({ text: word });
    expect(before.totalCount).toBe(2);
    expect((await offerings({ text: word })).totalCount).toBe(2);

    const db = await database();
    await db.query("UPDATE offering SET module = 'SCHULDREGELING' WHERE id = $1", [first]);
    const changed = await offerings({ text: word });
    expect(moduleCount(changed)).toContainEqual(["SCHULDREGELING", 1]);
    await db.query("UPDATE offering SET status = 'PAUSED' WHERE id = $1", [first]);
    const paused = await offerings({ text: word });
    expect(paused.totalCount).toBe(1);
    expect(paused.edges.map((edge) => edge.node.title)).toEqual([`Belastinghulp ${word}`]);
  });

  it("counts an edited description at once, even for a search whose counts were kept", async () => {
    const word = uniqueWord();
    const added = uniqueWord();
    const id = await buildOffering({
      title: `Schrijfhulp ${word}`,
      description: "Hulp bij brieven.",
    });
    expect((await offerings({ text: added })).totalCount).toBe(0);

    const db = await database();
    await db.query("UPDATE offering SET description = description || $2 WHERE id = $1", [
      id,
      ` Ook voor ${added}.`,
    ]);
    const found = await offerings({ text: added });
    expect(titles(found)).toEqual([`Schrijfhulp ${word}`]);
    expect(found.totalCount).toBe(1);
  });

  it("rejects an invalid postcode", async () => {
    const error = await expectUserError({ search: { near: "68111" } }, "near");
    expect(error.message).toMatch(/postcode/i);
  });

  it("rejects an unknown postcode", async () => {
    const error = await expectUserError({ search: { near: "9999 ZZ" } }, "near");
    expect(error.message).toContain("9999");
  });

  it("rejects more than 100 results per page", async () => {
    await expectUserError({ first: 101 }, "first");
  });

  it("rejects a cursor it did not hand out", async () => {
    await expectUserError({ after: "bm90LWEtY3Vyc29y" }, "after");
    await expectUserError({ after: "%%%" }, "after");
  });

  it("rejects an over-long text", async () => {
    await expectUserError({ search: { text: "schuld ".repeat(40) } }, "text");
  });

  it("rejects a maximum distance without a postcode", async () => {
    await expectUserError({ search: { maxDistanceKm: 5 } }, "maxDistanceKm");
  });

  it("rejects an unknown filter value with a validation error, not a crash", async () => {
    const result = await graphql(search, { search: { channels: ["POSTDUIF"] } });
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
