import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this file; it reads the schema, not a database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
