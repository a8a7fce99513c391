import { inject } from "vitest";

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A GraphQL request over HTTP to the real server, as any client would send it. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  baseUrl = inject("baseUrl"),
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
  return { status: response.status, headers: response.headers, ...body };
}

/** Headers that make a request as the holder of this session token. */
export const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The data of a request that must succeed; fails the test with the errors otherwise. */
export async function query<T = Record<string, unknown>>(
  document: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await graphql<T>(document, variables);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}
