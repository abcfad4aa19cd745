import { graphql } from '../gql';
import type { RefreshSessionMutation, TypedDocumentString } from '../gql/graphql';
import { getSession, setSession } from './session';

/** The API's error codes (libs/kernel), plus NETWORK for a request that never got an answer. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OUT_OF_STOCK'
  | 'PAYMENT_FAILED'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'NETWORK';

const KNOWN = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'OUT_OF_STOCK',
  'PAYMENT_FAILED',
  'RATE_LIMITED',
  'INTERNAL',
]);

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The server's own words, shown beside the friendly message where they help (validation details). */
    readonly detail: string,
    /**
     * The error's structured details (`extensions` but its code): a `reason` and the values the page says in the
     * visitor's language instead of the server's English words.
     */
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${detail}`);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

const REFRESH = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      accessToken
      refreshToken
    }
  }
`);

async function post<T>(query: string, variables: unknown, token: string | undefined): Promise<GraphQLResponse<T>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  try {
    return (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(response.status >= 500 ? 'INTERNAL' : 'NETWORK', `HTTP ${response.status}`);
  }
}

function firstError<T>(result: GraphQLResponse<T>): ApiError | undefined {
  const error = result.errors?.[0];
  if (!error) return undefined;
  const { code, ...details } = error.extensions ?? {};
  return new ApiError(code && KNOWN.has(code) ? (code as ErrorCode) : 'INTERNAL', error.message, details);
}

let refreshing: Promise<boolean> | undefined;

/** Exchanges the refresh token once for all callers that found their access token expired. */
function refreshSession(): Promise<boolean> {
  const session = getSession();
  if (!session) return Promise.resolve(false);
  refreshing ??= post<RefreshSessionMutation>(REFRESH.toString(), { refreshToken: session.refreshToken }, undefined)
    .then((result) => {
      if (!result.data?.refreshToken) {
        setSession(null);
        return false;
      }
      setSession(result.data.refreshToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/** Sends one typed operation with the session's bearer token; an expired token is refreshed once. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  const query = document.toString();
  const token = getSession()?.accessToken;
  let result = await post<TResult>(query, variables, token);
  let error = firstError(result);
  if (error?.code === 'UNAUTHENTICATED' && token && (await refreshSession())) {
    result = await post<TResult>(query, variables, getSession()?.accessToken);
    error = firstError(result);
  }
  if (error) throw error;
  if (!result.data) throw new ApiError('INTERNAL', 'empty response');
  return result.data;
}

/** Downloads a file the API streams to signed-in users only (CSV reports), with the bearer token a link cannot send. */
export async function downloadWithSession(path: string, filename: string): Promise<void> {
  const send = () =>
    fetch(path, { headers: getSession() ? { authorization: `Bearer ${getSession()!.accessToken}` } : {} }).catch(
      (error: unknown) => {
        throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
      },
    );
  let response = await send();
  if (response.status === 401 && (await refreshSession())) response = await send();
  if (!response.ok) {
    const code =
      response.status === 401
        ? 'UNAUTHENTICATED'
        : response.status === 403
          ? 'FORBIDDEN'
          : response.status === 404
            ? 'NOT_FOUND'
            : response.status < 500
              ? 'BAD_USER_INPUT'
              : 'INTERNAL';
    throw new ApiError(code, `HTTP ${response.status}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
