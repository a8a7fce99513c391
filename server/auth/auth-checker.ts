import type { AuthChecker } from "type-graphql";
import type { Context } from "../common/context.js";
import { ForbiddenError, UnauthenticatedError } from "../common/errors.js";
import type { Role } from "./role.js";

/** `@Authorized()` needs a session; `@Authorized(Role.X, …)` also one of those roles. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.some((role) => context.viewer!.roles.includes(role))) {
    throw new ForbiddenError();
  }
  return true;
};
