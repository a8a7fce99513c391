import { LessThan, Not, type DataSource } from "typeorm";
import { OfferingStatus } from "../taxonomy/taxonomy.js";
import { Offering } from "./offering.entity.js";

/**
 * A sociale kaart is only useful while it is actual: an offering not checked for six months is
 * stale, flagged to its organisation until someone confirms it ("nog actueel"). This is the one
 * definition, for the `isStale` field and for the list of what to check.
 */
export const staleAfterDays = 183;

/** Offerings last verified before this moment are stale. */
export function staleBefore(now = Date.now()): Date {
  return new Date(now - staleAfterDays * 86_400_000);
}

export function isStale(lastVerifiedAt: Date, now = Date.now()): boolean {
  return lastVerifiedAt < staleBefore(now);
}

/**
 * The organisation's stale offerings, least recently checked first. Ended offerings are off
 * the kaart and need no check; paused ones come back, so they do.
 */
export function findStaleOfferings(db: DataSource, organizationId: string): Promise<Offering[]> {
  return db.getRepository(Offering).find({
    where: {
      organizationId,
      status: Not(OfferingStatus.ENDED),
      lastVerifiedAt: LessThan(staleBefore(Date.now())),
    },
    order: { lastVerifiedAt: "ASC", title: "ASC" },
  });
}
