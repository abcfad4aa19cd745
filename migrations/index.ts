import { Identity1764040000000 } from './1764040000000-identity';
import { LicensingStandin1764100000099 } from './1764100000099-licensing-standin';
import { Catalog1764200000001 } from './1764200000001-catalog';
import { Search1764200000002 } from './1764200000002-search';
import { Payments1764300000001 } from './1764300000001-payments';

/** Every migration, oldest first. A landed migration is never edited; a change is a new file here. */
export const migrations = [
  Identity1764040000000,
  LicensingStandin1764100000099,
  Catalog1764200000001,
  Search1764200000002,
  Payments1764300000001,
];
