import type { AuthChecker } from "type-graphql";
import type { Context } from "../request/context.js";
import {
  ForbiddenError,
  SecondFactorSetupRequiredError,
  UnauthenticatedError,
} from "../common/errors.js";
import type { Role } from "./role.js";

/**
 * `@Authorized(whileSettingUpSecondFactor)`: open to a session that must first set up its second
 * factor (that setup itself, the session's own renewal and end).
 */
export const whileSettingUpSecondFactor = "WHILE_SETTING_UP_SECOND_FACTOR";

/**
 * `@Authorized()` needs a session; `@Authorized(Role.X, …)` also one of those roles. Where a
 * second factor is required, a session without one gets nothing else until it is set up.
 */
export const authChecker: AuthChecker<Context, Role | typeof whileSettingUpSecondFactor> = (
  { context },
  roles,
) => {
  const { viewer } = context;
  if (!viewer) throw new UnauthenticatedError();
  if (roles.includes(whileSettingUpSecondFactor)) return true;
  if (context.mustSetUpSecondFactor) {
    throw new SecondFactorSetupRequiredError();
  }
  if (roles.length > 0 && !roles.some((role) => viewer.roles.includes(role as Role))) {
    throw new ForbiddenError();
  }
  return true;
};
