import {
  Authorized,
  Resolver,
  Root,
  Subscription,
  type SubscriptionHandlerData,
} from "type-graphql";
import type { Context } from "../request/context.js";
import { changesTopic } from "./change-feed.js";
import { ChangeKind, LiveChange } from "./live-change.js";

// @Authorized runs before the topic is chosen, so there is a viewer by then.
const ownOrganization = ({ context }: { context: Context }) => context.viewer!.organizationId;

const inboxKinds = new Set([ChangeKind.REFERRAL, ChangeKind.RESYNC]);

/** Live updates over the WebSocket at /graphql; each says only that something changed. */
@Resolver()
export class LiveResolver {
  @Authorized()
  @Subscription(() => LiveChange, {
    topics: changesTopic,
    topicId: ownOrganization,
    filter: ({ payload }: SubscriptionHandlerData<LiveChange>) => inboxKinds.has(payload.kind),
    description:
      "Een overdracht van of aan de eigen organisatie is verstuurd, geaccepteerd, afgewezen, geannuleerd of verder gezet",
  })
  referralInboxChanged(@Root() change: LiveChange): LiveChange {
    return change;
  }

  @Authorized()
  @Subscription(() => LiveChange, {
    topics: changesTopic,
    topicId: ownOrganization,
    description:
      "Er veranderde iets dat de aantallen op het dashboard van de eigen organisatie raakt: overdrachten, afspraken, regie of contacten",
  })
  dashboardChanged(@Root() change: LiveChange): LiveChange {
    return change;
  }
}
