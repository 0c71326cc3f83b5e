import type { Sql } from 'postgres';

/**
 * A postgres.js client that never pipelines: at most `max` queries and transactions (one per
 * connection) are handed to it at once, and the rest wait here. postgres.js otherwise sends a
 * query behind another on a busy connection once all `max` are busy (its `max_pipeline`, which
 * cannot be 0: transactions need it above 0). A pooler in transaction mode does not survive that:
 * PgBouncer 1.18 hands the server connection back when the first query ends, logs the second's
 * answer "got packet from server when not linked", and that caller waits for ever
 * (test/integration/pooler.test.ts). With at most `max` in flight, a free connection is always
 * open or not yet connected when a query arrives, since postgres.js reopens a connection in the
 * same turn as it answers the query that held it.
 *
 * Only what drizzle-orm's postgres-js driver calls on the pool is gated: `unsafe` (every
 * statement outside a transaction) and `begin` (a transaction: its statements run on its own
 * reserved connection, which pipelining inside cannot hurt: the pooler keeps it linked until the
 * transaction ends).
 */
export function withoutPipelining(client: Sql, max: number): Sql {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const run = async <T>(work: () => PromiseLike<T>): Promise<T> => {
    if (inFlight >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else inFlight += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (inFlight unchanged), or is freed.
      const next = waiting.shift();
      if (next) next();
      else inFlight -= 1;
    }
  };
  const unsafe = (...args: Parameters<Sql['unsafe']>) => {
    let values = false;
    // drizzle awaits the statement (or its `.values()`) at once: it starts when awaited, as a postgres.js query does.
    const statement = {
      values() {
        values = true;
        return statement;
      },
      then<A, B>(onFulfilled?: (rows: unknown) => A | PromiseLike<A>, onRejected?: (error: unknown) => B | PromiseLike<B>) {
        return run(() => {
          const query = client.unsafe(...args);
          return (values ? query.values() : query) as PromiseLike<unknown>;
        }).then(onFulfilled, onRejected);
      },
    };
    return statement;
  };
  const begin = (...args: unknown[]) => run(() => (client.begin as (...a: unknown[]) => Promise<unknown>)(...args));
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return unsafe;
      if (prop === 'begin') return begin;
      return Reflect.get(target, prop, receiver);
    },
  });
}
