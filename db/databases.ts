import postgres from 'postgres';

/**
 * Whole PostgreSQL databases, created and dropped through a server's admin connection, for what needs one of its own:
 * a test file, the browser suite's servers, a crash drill, a benchmark. Each call opens one short connection to
 * `serverUrl` (any database of that server the caller may create databases from) and closes it.
 */

const plainName = /^[a-z0-9_]+$/;

function checked(name: string): string {
  if (!plainName.test(name)) throw new Error(`refusing database name "${name}": lower-case letters, digits and _ only`);
  return name;
}

/** The URL of database `name` on the server `serverUrl` points at, with the same user, password and options. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${checked(name)}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Creates database `name` (a copy of `template` when given) and returns its URL. With `replace`, a database of that
 * name is dropped first, whoever is connected to it.
 */
export async function createPostgresDatabase(serverUrl: string, name: string, options: { template?: string; replace?: boolean } = {}): Promise<string> {
  checked(name);
  await withAdmin(serverUrl, async (sql) => {
    if (options.replace) await sql.unsafe(`drop database if exists ${name} with (force)`);
    await sql.unsafe(options.template ? `create database ${name} template ${checked(options.template)}` : `create database ${name}`);
  });
  return databaseUrl(serverUrl, name);
}

/** Drops database `name` if it exists, whoever is connected to it. */
export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  checked(name);
  await withAdmin(serverUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`).then(() => undefined));
}
