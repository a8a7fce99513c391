import { describe, expect, inject, it } from "vitest";
import { raceRound, type RaceRound } from "../../tools/reliability/races.js";
import { buildOffering, buildOrganization, database } from "../support/factories.js";
import { loggedInUser } from "../support/session.js";

// The CI-sized run of `npm run reliability`'s races: 50 requests at once, 5 rounds.
const parallel = 50;
const rounds = 5;

describe("many workers acting on one object at once", () => {
  it("has exactly one winner per race, CONFLICT for the others, and consistent data after every round", async () => {
    const ownerOrganization = await buildOrganization();
    const partnerOrganization = await buildOrganization();
    const partnerOfferingId = await buildOffering({ organizationId: partnerOrganization });
    const results: RaceRound[] = [];
    for (let round = 0; round < rounds; round++) {
      // Fresh workers each round, as many different people would act: one worker sending all
      // rounds would meet the per-user rate limit, which has its own test.
      const owner = await loggedInUser({ organizationId: ownerOrganization });
      const partner = await loggedInUser({ organizationId: partnerOrganization });
      results.push(
        ...(await raceRound(
          inject("baseUrl"),
          await database(),
          { owner, partner, partnerOfferingId },
          parallel,
        )),
      );
    }
    expect(results).toHaveLength(rounds * 3);
    for (const result of results) {
      expect({ race: result.race, winners: result.winners }).toEqual({
        race: result.race,
        winners: 1,
      });
      expect(result.conflicts).toBe(parallel - 1);
      expect(result.otherCodes).toEqual([]);
      expect(result.violations).toEqual([]);
    }
  }, 120_000);
});
