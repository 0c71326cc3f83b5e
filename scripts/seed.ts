import { seedDemo } from '@/db/seed';
import { runDatabaseScript } from './support/database-script';

runDatabaseScript(
  'seed',
  (e) => `seeding the demo organization into ${e.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${e.pgliteDir}`}…`,
  async (handle) => {
    await seedDemo(handle.db, (line) => console.log(`[seed]   ${line}`));
  },
);
