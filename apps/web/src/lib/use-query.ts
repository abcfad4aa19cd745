import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, request } from './api';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a typed query when its variables (or `key`) change; `skip` waits, e.g. for the organization to be chosen.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: { skip?: boolean; key?: string } = {},
): QueryState<TResult> {
  const [state, setState] = useState<{ data?: TResult; error?: ApiError; loading: boolean }>({
    loading: !options.skip,
  });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const extraKey = options.key;
  useEffect(() => {
    if (options.skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    request(document, JSON.parse(key) as TVariables).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          loading: false,
          error: error instanceof ApiError ? error : new ApiError('INTERNAL', String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, [document, key, extraKey, options.skip, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** A mutation's pending flag and last error, for forms and buttons. */
export function useMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(
    async (variables: TVariables): Promise<TResult | undefined> => {
      setPending(true);
      setError(undefined);
      try {
        return await request(document, variables);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError('INTERNAL', String(caught)));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [document],
  );
  return { run, pending, error, clearError: () => setError(undefined) };
}
