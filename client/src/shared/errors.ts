import { CombinedGraphQLErrors } from "@apollo/client";

/** The server's Dutch message for a refused request, or a fallback for anything else. */
export function errorMessage(caught: unknown, fallback: string): string {
  return CombinedGraphQLErrors.is(caught) && caught.errors[0] ? caught.errors[0].message : fallback;
}
