// A small GraphQL-over-HTTP client for the reliability runs and tests: what a browser sends,
// with the duration and outcome of every request.

export type Headers = Record<string, string>;

export interface Outcome<T = Record<string, unknown>> {
  status: number;
  ms: number;
  data?: T;
  /** The first error's code, or a network failure ("NETWORK"), or undefined on success. */
  code?: string;
  message?: string;
}

export async function post<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Headers = {},
  timeoutMs = 30_000,
): Promise<Outcome<T>> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let body: {
      data?: T;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { status: response.status, ms, code: `HTTP_${response.status}`, message: text };
    }
    const error = body.errors?.[0];
    return {
      status: response.status,
      ms,
      data: body.data ?? undefined,
      code: error ? (error.extensions?.code ?? "UNKNOWN") : undefined,
      message: error?.message,
    };
  } catch (error) {
    return {
      status: 0,
      ms: performance.now() - started,
      code: "NETWORK",
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The data of a request that must succeed. */
export async function must<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Headers = {},
): Promise<T> {
  const outcome = await post<T>(baseUrl, query, variables, headers);
  if (outcome.code || !outcome.data) {
    throw new Error(`request failed: ${outcome.code} ${outcome.message ?? ""}`);
  }
  return outcome.data;
}

export async function logIn(baseUrl: string, email: string, password: string): Promise<Headers> {
  const data = await must<{ login: { token: string } }>(
    baseUrl,
    "mutation ($input: LoginInput!) { login(input: $input) { token } }",
    { input: { email, password } },
  );
  return { authorization: `Bearer ${data.login.token}` };
}

/** The value below which this share of the sorted numbers lie. */
export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}
