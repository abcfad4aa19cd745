import { graphql } from '../gql';
import { useQuery } from './use-query';

const FilmIpTitles = graphql(`
  query FilmIpTitles {
    filmIps(first: 100) { edges { node { id title titleZh } } }
  }
`);

/**
 * Chinese titles by film IP id: search facets carry the IP's English title only, and a visitor reading
 * Chinese should see 月饼侦探, not Mooncake Detective.
 */
export function useFilmIpTitles(): (ip: { id: string; title: string; titleZh?: string | null }) => { title: string; titleZh?: string | null } {
  const titles = useQuery(FilmIpTitles);
  return (ip) => {
    if (ip.titleZh) return ip;
    const known = titles.data?.filmIps.edges.find((e) => e.node.id === ip.id)?.node;
    return known ?? ip;
  };
}
