import { graphql } from '../gql';
import { useQuery } from './use-query';

const FilmIpTitles = graphql(`
  query FilmIpTitles {
    filmIps(first: 100) {
      edges {
        node {
          id
          title
          titleZh
        }
      }
    }
  }
`);

type TitleOf = (ip: { id: string; title: string; titleZh?: string | null }) => {
  title: string;
  titleZh?: string | null;
};

/**
 * Chinese titles by film IP id: search facets carry the IP's English title only, and a visitor reading
 * Chinese should see 月饼侦探, not Mooncake Detective. `loading` until the titles are in: a list that shows the
 * English titles first and the Chinese ones a moment later changes its wrapping, and the page below it jumps.
 */
export function useFilmIpTitles(): TitleOf & { loading: boolean } {
  const titles = useQuery(FilmIpTitles);
  const titleOf: TitleOf = (ip) => {
    if (ip.titleZh) return ip;
    const known = titles.data?.filmIps.edges.find((e) => e.node.id === ip.id)?.node;
    return known ?? ip;
  };
  return Object.assign(titleOf, { loading: titles.loading });
}
