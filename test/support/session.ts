import { asBearer, graphql, type GraphQLResponse } from "./api.js";
import { buildUser, testPassword } from "./factories.js";
import type { Role } from "../../server/auth/role.js";

/** A login through the API (of the lane's server, or another), answered as it comes. */
export function attemptLogin(
  email: string,
  password: string,
  options: { baseUrl?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<{ login: { token: string } }>> {
  return graphql<{ login: { token: string } }>(
    `
      mutation ($input: LoginInput!) {
        login(input: $input) {
          token
        }
      }
    `,
    { input: { email, password } },
    options.headers,
    options.baseUrl,
  );
}

/** Logs in through the API (of the lane's server, or another) and returns headers that act as that user. */
export async function sessionHeaders(
  email: string,
  password = testPassword,
  baseUrl?: string,
): Promise<Record<string, string>> {
  const result = await attemptLogin(email, password, { baseUrl });
  if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return asBearer(result.data.login.token);
}

/** A new user of the organisation (a new organisation by default), logged in. */
export async function loggedInUser(overrides: { organizationId?: string; roles?: Role[] } = {}) {
  const user = await buildUser(overrides);
  return { ...user, headers: await sessionHeaders(user.email) };
}
