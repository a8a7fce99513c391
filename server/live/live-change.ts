import { Field, ObjectType, registerEnumType } from "type-graphql";
import { isUuid } from "../common/ids.js";

/** What changed, in the words of the screens that show it. */
export enum ChangeKind {
  REFERRAL = "REFERRAL",
  CASE = "CASE",
  ZORGOVERLEG = "ZORGOVERLEG",
  AGREEMENT = "AGREEMENT",
  NAZORG = "NAZORG",
  RESYNC = "RESYNC",
}

registerEnumType(ChangeKind, {
  name: "ChangeKind",
  description: "Wat er veranderde",
  valuesConfig: {
    REFERRAL: { description: "Een overdracht van of aan de organisatie" },
    CASE: { description: "Een casus: geopend, casusteam, fase of regie" },
    ZORGOVERLEG: { description: "Een zorgoverleg gepland" },
    AGREEMENT: { description: "Afspraken uit een zorgoverleg" },
    NAZORG: { description: "Een nazorgplan of waakvlamcontact" },
    RESYNC: {
      description:
        "De server had even geen verbinding met de database: er kan iets gemist zijn, haal alles opnieuw op",
    },
  },
});

/**
 * A signal, no data: "something of yours changed, fetch it again". The client then refetches
 * through the normal queries, which check access and write the access log.
 */
@ObjectType({
  description:
    "Er veranderde iets voor de eigen organisatie; haal de gegevens opnieuw op met de gewone vragen",
})
export class LiveChange {
  @Field(() => ChangeKind)
  kind: ChangeKind;

  @Field({ description: "Wanneer deze server de wijziging doorgaf" })
  at: Date;
}

/** The PostgreSQL channel every instance LISTENs on; writers NOTIFY it in their transaction. */
export const changeChannel = "ketenkaart_changes";

/** What travels through NOTIFY: ids and a kind, never client data (and far below 8000 bytes). */
export interface ChangeNotification {
  kind: ChangeKind;
  organizationIds: string[];
}

const kinds = new Set<string>(Object.values(ChangeKind));

/** A notification as the channel delivered it, or null when it is not one of ours. */
export function parseChangeNotification(payload: unknown): ChangeNotification | null {
  const { kind, organizationIds } = (payload ?? {}) as Record<string, unknown>;
  if (typeof kind !== "string" || !kinds.has(kind) || !Array.isArray(organizationIds)) return null;
  const ids = organizationIds.filter((id): id is string => typeof id === "string" && isUuid(id));
  return { kind: kind as ChangeKind, organizationIds: ids };
}

/**
 * The channel on which PostgreSQL announces that a user's session ended or their account was
 * disabled (triggers on user_session and app_user): each instance then closes what that user
 * has open.
 */
export const sessionEndChannel = "ketenkaart_sessions";

/** The user named by a session-end notice, or null when it is not one of ours. */
export function parseSessionEnd(payload: unknown): string | null {
  const { userId } = (payload ?? {}) as Record<string, unknown>;
  return typeof userId === "string" && isUuid(userId) ? userId : null;
}
