import { migrateDatabase } from '@/db/migrate';
import { runDatabaseScript } from './support/database-script';

runDatabaseScript(
  'migrate',
  (e) => `applying migrations to ${e.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${e.pgliteDir}`}…`,
  (handle) => migrateDatabase(handle),
);
