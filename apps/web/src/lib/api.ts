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

/** An uploaded image's renditions, as POST /media answers (the GraphQL MediaImage). */
export interface UploadedImage {
  id: string;
  url: string;
  cardUrl: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

/** What POST /media answers for a private upload (a brand asset): its id, and no public URL. */
export interface UploadedMedia {
  id: string;
  url?: string;
  thumbnailUrl?: string;
}

/** The code for an upload refused without a JSON reason (a proxy's 413, a 429 from the rate limit, ...). */
function statusCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  return status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL';
}

/** One wrong row of an uploaded sheet, as the API names it. */
export interface SheetRowError {
  index: number;
  row?: number;
  field: string;
  /** A stable key for why, which the page words in the visitor's language; `message` is the server's English. */
  reason?: string;
  message: string;
}

/** An upload refused with its reasons: the API's code, and each wrong row when the sheet had some. */
export class UploadError extends ApiError {
  constructor(
    code: ErrorCode,
    detail: string,
    readonly rows: SheetRowError[],
  ) {
    super(code, detail);
  }
}

/**
 * Posts a file as the multipart field `file` with the session's bearer token (an expired token is refreshed once):
 * the JSON answer, or an UploadError with the server's reason (wrong type, too large, each wrong row of a sheet).
 */
export async function uploadWithSession<T>(path: string, file: Blob, filename = (file as File).name): Promise<T> {
  const send = () => {
    const form = new FormData();
    form.append('file', file, filename);
    const token = getSession()?.accessToken;
    return fetch(path, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    }).catch((error: unknown) => {
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
    });
  };
  let response = await send();
  if (response.status === 401 && (await refreshSession())) response = await send();
  const body = (await response.json().catch(() => null)) as
    (T & { error?: undefined }) | { error?: { code?: string; message?: string; rows?: SheetRowError[] } } | null;
  if (response.ok && body) return body as T;
  const error = body && 'error' in body ? body.error : undefined;
  const code = error?.code && KNOWN.has(error.code) ? (error.code as ErrorCode) : statusCode(response.status);
  throw new UploadError(code, error?.message ?? `HTTP ${response.status}`, error?.rows ?? []);
}

/** Uploads one image for `organizationId` (POST /media); its renditions. */
export function uploadImage(file: Blob, filename: string, organizationId: string): Promise<UploadedImage> {
  return uploadWithSession<UploadedImage>(
    `/media?${new URLSearchParams({ organizationId }).toString()}`,
    file,
    filename,
  );
}

/** Uploads one file to POST /media for an organization; `private`: a brand asset (image or PDF), never served publicly. */
export function uploadMedia(
  file: File,
  options: { organizationId: string; private?: boolean },
): Promise<UploadedMedia> {
  const query = new URLSearchParams({ organizationId: options.organizationId });
  if (options.private) query.set('private', 'true');
  return uploadWithSession<UploadedMedia>(`/media?${query.toString()}`, file);
}
