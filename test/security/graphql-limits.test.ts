import { getOperationAST, print, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import * as clientDocuments from "../../client/src/gql/graphql.js";
import { graphqlLimits } from "../../server/security/graphql-limits.js";
import { graphql } from "../support/api.js";
import { buildOffering, buildOrganization, uniqueWord } from "../support/factories.js";
import { liveClient, subscribe, whenLive } from "../support/live.js";
import { loggedInUser } from "../support/session.js";

const url = () => `${inject("baseUrl")}/graphql`;

/** Every operation the web client sends, as the generated documents hold them. */
const webClientDocuments = Object.entries(clientDocuments)
  .filter(([name]) => name.endsWith("Document"))
  .map(([name, document]) => ({
    name,
    source: print(document as DocumentNode),
    kind: getOperationAST(document as DocumentNode)!.operation,
  }));
// Queries and mutations go over HTTP, subscriptions over the WebSocket.
const webClientOperations = webClientDocuments.filter(({ kind }) => kind !== "subscription");
const webClientSubscriptions = webClientDocuments.filter(({ kind }) => kind === "subscription");

/** `organizations { offerings { organization { offerings { … { id } } } } }`, `depth` fields deep. */
function nested(depth: number): string {
  const chain = ["organizations"];
  while (chain.length < depth - 1) chain.push(chain.length % 2 ? "offerings" : "organization");
  return `{ ${chain.join(" { ")} { id ${"} ".repeat(chain.length)}}`;
}

/** A chain `depth` fields deep of one offering through its places, gemeente and region. */
function deepButNarrow(depth: number): string {
  const chain = ["offerings(first: 1)", "edges", "node", "organization", "locations", "gemeente"];
  while (chain.length < depth - 1) chain.push(chain.length % 2 ? "gemeenten" : "region");
  return `{ ${chain.join(" { ")} { ${chain.at(-1) === "region" ? "id" : "code"} ${"} ".repeat(chain.length)}}`;
}

const refusal = (result: { errors?: Array<{ message: string; extensions?: unknown }> }) =>
  result.errors?.[0];

describe("limits on what one operation may ask", () => {
  it("lets every document of the web client through", async () => {
    expect(webClientOperations.length).toBeGreaterThan(40);
    const worker = await loggedInUser();
    for (const { name, source } of webClientOperations) {
      // Without variables the request stops at variable coercion, after the limits are checked.
      const result = await graphql(source, {}, worker.headers);
      const messages = (result.errors ?? []).map((error) => error.message);
      expect(
        messages.filter((message) => message.startsWith("De vraag")),
        name,
      ).toEqual([]);
      expect(
        (result.errors ?? []).filter((e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED"),
        name,
      ).toEqual([]);
    }
  });

  it("lets every subscription of the web client through on the WebSocket", async () => {
    expect(webClientSubscriptions.length).toBeGreaterThan(1);
    const worker = await loggedInUser();
    const base = inject("baseUrl");
    for (const { source } of webClientSubscriptions) {
      const field = /\{\s*(\w+)/.exec(source.slice(source.indexOf("{")))![1]!;
      const feed = subscribe(liveClient(base, worker.headers), field, source);
      try {
        // It runs: a change for the worker's organisation comes back on it.
        await whenLive(feed, worker.organizationId);
      } finally {
        await feed.dispose();
      }
    }
  });

  it("refuses an operation nested deeper than the limit, and allows the limit itself", async () => {
    const atLimit = await graphql(deepButNarrow(graphqlLimits.maxDepth));
    expect(atLimit.errors).toBeUndefined();
    const tooDeep = await graphql(deepButNarrow(graphqlLimits.maxDepth + 1));
    expect(tooDeep.status).toBe(400);
    expect(refusal(tooDeep)).toMatchObject({
      message: `De vraag is te diep genest (hoogstens ${graphqlLimits.maxDepth} niveaus).`,
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(tooDeep.data).toBeUndefined();
  });

  it("refuses an operation that asks too much at once (cost)", async () => {
    // A full page of offerings, each with all offerings of its organisation, passes; the same
    // with each of those offerings' organisation and its offerings again would be 100 × 20 × 20
    // offerings if an organisation has 20.
    const page = (nested: string) =>
      `{ offerings(first: 100) { edges { node { id title description organization { ${nested} } } } } }`;
    const lighter = await graphql(page("id name offerings { id title }"));
    expect(lighter.errors).toBeUndefined();
    const result = await graphql(
      page("id name offerings { id title organization { id offerings { id title } } }"),
    );
    expect(result.status).toBe(400);
    expect(refusal(result)).toMatchObject({
      message: "De vraag vraagt te veel gegevens tegelijk. Maak haar kleiner.",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(result.data).toBeUndefined();
  });

  it("counts a list by the items it holds: an organisation's offerings cannot be multiplied by nesting", async () => {
    // Counted per field, this passed, and for an organisation of 37 offerings it returned 37⁴
    // objects: the server took gigabytes and seconds over it, and everyone waited.
    const organizationId = await buildOrganization();
    for (let index = 0; index < 40; index++) {
      await buildOffering({ organizationId, title: `Aanbod ${index} ${uniqueWord()}` });
    }
    const result = await graphql(nested(graphqlLimits.maxDepth));
    expect(result.status).toBe(400);
    expect(refusal(result)).toMatchObject({
      message: "De vraag vraagt te veel gegevens tegelijk. Maak haar kleiner.",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    expect(result.data).toBeUndefined();
    // One level of nesting is what a page needs, and it is answered in full.
    const once = await graphql<{ organizations: Array<{ id: string; offerings: unknown[] }> }>(
      "{ organizations { id offerings { id title } } }",
    );
    expect(once.errors).toBeUndefined();
    expect(once.data?.organizations.find((o) => o.id === organizationId)?.offerings).toHaveLength(
      40,
    );
  });

  it("refuses alias abuse: more aliases than the limit", async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: taxonomy { phases { value } }`).join(" ")} }`;
    expect((await graphql(aliases(graphqlLimits.maxAliases))).errors).toBeUndefined();
    const result = await graphql(aliases(graphqlLimits.maxAliases + 1));
    expect(result.status).toBe(400);
    expect(refusal(result)?.message).toBe(
      `De vraag gebruikt te veel aliassen (hoogstens ${graphqlLimits.maxAliases}).`,
    );
  });

  it("refuses directive abuse", async () => {
    const directives = Array.from(
      { length: graphqlLimits.maxDirectives + 1 },
      () => "@include(if: true)",
    );
    const result = await graphql(`{ regions ${directives.join(" ")} { id } }`);
    expect(result.status).toBe(400);
    expect(refusal(result)?.message).toBe(
      `De vraag gebruikt te veel directives (hoogstens ${graphqlLimits.maxDirectives}).`,
    );
  });

  it("refuses a document with more tokens than the limit without parsing it all", async () => {
    const result = await graphql(`{ regions { ${"id ".repeat(graphqlLimits.maxTokens)} } }`);
    expect(result.status).toBe(400);
    expect(refusal(result)?.message).toBe(
      `De vraag is te lang (hoogstens ${graphqlLimits.maxTokens} tokens).`,
    );
  });

  it("caps the page size of the sociale kaart", async () => {
    const result = await graphql(`
      {
        offerings(first: 101) {
          totalCount
        }
      }
    `);
    expect(refusal(result)).toMatchObject({
      message: "Het aantal resultaten mag hoogstens 100 zijn.",
      extensions: { code: "BAD_USER_INPUT", field: "first" },
    });
    expect(result.data ?? null).toBeNull();
  });
});

describe("requests over HTTP", () => {
  it("refuses batched operations (an array body)", async () => {
    const response = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ regions { id } }" }, { query: "{ regions { id } }" }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('"regions"');
  });

  it("refuses requests a browser could send cross-site without a preflight (CSRF)", async () => {
    const get = await fetch(`${url()}?query=${encodeURIComponent("{ regions { id } }")}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain("CSRF");
    const textPlain = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "mutation { logout }" }),
    });
    expect(textPlain.status).toBe(400);
    const form = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=mutation%20%7B%20logout%20%7D",
    });
    expect(form.status).toBe(400);
    // A GET with the preflight header is what a non-browser client may send.
    const preflighted = await fetch(`${url()}?query=${encodeURIComponent("{ regions { id } }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
  });

  it("refuses a body over 100 kB with a JSON answer and no stack trace", async () => {
    const response = await fetch(url(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "query ($t: String!) { postcodeArea(code: $t) { code } }",
        variables: { t: "x".repeat(110_000) },
      }),
    });
    expect(response.status).toBe(413);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      errors: [
        {
          message: "Het verzoek is te groot (hoogstens 100 kB).",
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    });
  });

  it("refuses text that is no valid Unicode (a lone surrogate) with a Dutch 400, in login too", async () => {
    // Found by the fuzz test: the e-mail validator threw on "\ud800" and the answer was a 500-ish
    // "Internal server error" instead of a message a worker understands.
    for (const email of ["\ud800", "x\ud800@example.nl"]) {
      const response = await fetch(url(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        // JSON.stringify keeps the lone surrogate as the escape "\ud800".
        body: JSON.stringify({
          query: "mutation ($input: LoginInput!) { login(input: $input) { token } }",
          variables: { input: { email, password: "geheim" } },
        }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: "De invoer bevat tekens die geen geldige tekst zijn.",
            extensions: { code: "BAD_USER_INPUT", field: "email", fieldPath: "email" },
          },
        ],
      });
    }
  });

  it("answers malformed JSON with a JSON 400 and no stack trace", async () => {
    for (const body of ['{"query": "{ regions { id } }"', "{'query': 1}", "\u0000\uffff", "[1,"]) {
      const response = await fetch(url(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).not.toMatch(/at \/|stack|SyntaxError|node_modules/);
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    }
  });

  it("answers a body that is JSON but no GraphQL request with a 400", async () => {
    for (const body of [
      "1",
      '"x"',
      "null",
      '{"query": 5}',
      '{"query": "{ regions { id } }", "variables": 3}',
    ]) {
      const response = await fetch(url(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(response.status, body).toBe(400);
      expect(await response.text()).not.toMatch(/at \/|stack/);
    }
  });
});
