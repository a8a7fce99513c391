import { daysAgo } from "../support/calendar.js";
import { describe, expect, it } from "vitest";
import { graphql } from "../support/api.js";
import { buildOffering } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";
import { OfferingStatus } from "../../server/taxonomy/taxonomy.js";

const myStaleOfferings = `{ myStaleOfferings { id title isStale } }`;

describe("offerings not checked for six months are flagged to their organisation", () => {
  it("lists the own stale offerings, oldest check first, and 'nog actueel' takes one off", async () => {
    const partner = await loggedInUser();
    const organizationId = partner.organizationId;
    const oldest = await buildOffering({ organizationId, lastVerifiedAt: daysAgo(400) });
    const stale = await buildOffering({ organizationId, lastVerifiedAt: daysAgo(200) });
    const paused = await buildOffering({
      organizationId,
      lastVerifiedAt: daysAgo(190),
      status: OfferingStatus.PAUSED,
    });
    // Recent enough, ended (off the kaart), or another organisation's: nothing to check here.
    await buildOffering({ organizationId, lastVerifiedAt: daysAgo(170) });
    await buildOffering({
      organizationId,
      lastVerifiedAt: daysAgo(500),
      status: OfferingStatus.ENDED,
    });
    await buildOffering({ lastVerifiedAt: daysAgo(500) });

    const before = await graphql<{ myStaleOfferings: Array<{ id: string; isStale: boolean }> }>(
      myStaleOfferings,
      {},
      partner.headers,
    );
    expect(before.data!.myStaleOfferings.map((o) => o.id)).toEqual([oldest, stale, paused]);
    expect(before.data!.myStaleOfferings.every((o) => o.isStale)).toBe(true);

    const verified = await graphql(
      `
        mutation ($id: ID!) {
          markOfferingVerified(id: $id) {
            id
            isStale
          }
        }
      `,
      { id: stale },
      partner.headers,
    );
    expect(verified.data).toEqual({ markOfferingVerified: { id: stale, isStale: false } });

    const after = await graphql<{ myStaleOfferings: Array<{ id: string }> }>(
      myStaleOfferings,
      {},
      partner.headers,
    );
    expect(after.data!.myStaleOfferings.map((o) => o.id)).toEqual([oldest, paused]);
  });

  it("needs a login", async () => {
    const result = await graphql(myStaleOfferings);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
