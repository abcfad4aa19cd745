import { Identity1764040000000 } from './1764040000000-identity';
import { FilmIp1764100000000 } from './1764100000000-film-ip';
import { Licensing1764100000001 } from './1764100000001-licensing';

/** Every migration, oldest first. A landed migration is never edited; a change is a new file here. */
export const migrations = [Identity1764040000000, FilmIp1764100000000, Licensing1764100000001];
