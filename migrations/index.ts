import { Identity1764040000000 } from './1764040000000-identity';
import { Payments1764300000001 } from './1764300000001-payments';

/** Every migration, oldest first. A landed migration is never edited; a change is a new file here. */
export const migrations = [Identity1764040000000, Payments1764300000001];
