import { Identity1764040000000 } from './1764040000000-identity';
import { Ledger1764500000001 } from './1764500000001-ledger';
import { LicenseTerms1764500000002 } from './1764500000002-license-terms';

/** Every migration, oldest first. A landed migration is never edited; a change is a new file here. */
export const migrations = [Identity1764040000000, Ledger1764500000001, LicenseTerms1764500000002];
