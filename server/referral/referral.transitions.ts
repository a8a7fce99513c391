import { ReferralState as S } from "./referral.entity.js";

export type Side = "SENDER" | "RECEIVER" | "EITHER";
export type Requirement = "reason" | "outcome" | "introductionAt";

interface Transition {
  by: Side;
  requires?: Requirement;
}

const cancel: Transition = { by: "EITHER", requires: "reason" };
const hold: Transition = { by: "RECEIVER" };

/** Every allowed transition and who may make it; anything else is refused. */
export const transitions: Partial<Record<S, Partial<Record<S, Transition>>>> = {
  [S.DRAFT]: { [S.SENT]: { by: "SENDER" }, [S.CANCELLED]: { by: "SENDER" } },
  [S.SENT]: {
    [S.ACCEPTED]: { by: "RECEIVER" },
    [S.DECLINED]: { by: "RECEIVER", requires: "reason" },
    [S.ON_HOLD]: hold,
    [S.CANCELLED]: cancel,
  },
  [S.ACCEPTED]: {
    [S.INTRO_PLANNED]: { by: "EITHER", requires: "introductionAt" },
    [S.IN_PROGRESS]: { by: "RECEIVER" },
    [S.ON_HOLD]: hold,
    [S.CANCELLED]: cancel,
  },
  [S.INTRO_PLANNED]: {
    [S.INTRO_PLANNED]: { by: "EITHER", requires: "introductionAt" },
    [S.IN_PROGRESS]: { by: "RECEIVER" },
    [S.ON_HOLD]: hold,
    [S.CANCELLED]: cancel,
  },
  [S.IN_PROGRESS]: {
    [S.COMPLETED]: { by: "RECEIVER", requires: "outcome" },
    [S.FAILED]: { by: "RECEIVER", requires: "reason" },
    [S.ON_HOLD]: hold,
    [S.CANCELLED]: cancel,
  },
  [S.ON_HOLD]: {
    [S.ACCEPTED]: { by: "RECEIVER" },
    [S.IN_PROGRESS]: { by: "RECEIVER" },
    [S.CANCELLED]: cancel,
  },
};

export function transitionFor(from: S, to: S): Transition | undefined {
  return transitions[from]?.[to];
}

/** The steps one side may take from a state, in the table's order. */
export function stepsFor(
  from: S,
  side: "SENDER" | "RECEIVER",
): Array<{ to: S; requires: Requirement | null }> {
  return Object.entries(transitions[from] ?? {}).flatMap(([to, transition]) =>
    transition && (transition.by === "EITHER" || transition.by === side)
      ? [{ to: to as S, requires: transition.requires ?? null }]
      : [],
  );
}
