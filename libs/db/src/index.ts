export * from './embedded-postgres.launcher';
export * from './migrate';
export * from './db.module';
export * from './database.health';
export * from './columns';
export * from './domain-events';
export * from './keyset-page';
export * from './session-lock';
