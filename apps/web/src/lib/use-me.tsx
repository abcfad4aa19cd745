import { createContext, ReactNode, useContext, useSyncExternalStore } from 'react';
import { graphql } from '../gql';
import type { MeQuery, OrganizationKind } from '../gql/graphql';
import type { ApiError } from './api';
import { getSession, subscribeSession } from './session';
import { useQuery } from './use-query';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      displayName
      emailVerified
      memberships {
        role
        organization {
          id
          kind
          name
          nameZh
        }
      }
    }
  }
`);

export type Organization = MeQuery['me']['memberships'][number]['organization'];

interface MeState {
  signedIn: boolean;
  me: MeQuery['me'] | undefined;
  loading: boolean;
  error: ApiError | undefined;
  reload(): void;
  organizations(kind: OrganizationKind): Organization[];
}

const MeContext = createContext<MeState | null>(null);

/** Loads the signed-in user once for the whole app; reloads when the session changes. */
export function MeProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession);
  const query = useQuery(MeDocument, {}, { skip: !session, key: session?.refreshToken });
  const me = session ? query.data?.me : undefined;
  const value: MeState = {
    signedIn: Boolean(session),
    me,
    loading: Boolean(session) && query.loading,
    error: session ? query.error : undefined,
    reload: query.reload,
    organizations: (kind) =>
      (me?.memberships ?? []).filter((m) => m.organization.kind === kind).map((m) => m.organization),
  };
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

export function useMe(): MeState {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside MeProvider');
  return value;
}
