import 'server-only';
import { max } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';

/** The value of `column` in the row of its table that `where` picks (by a unique key); null when there is none. */
export async function valueWhere<C extends AnyPgColumn>(db: Executor, column: C, where: SQL | undefined): Promise<C['_']['data'] | null> {
  const [row] = await db.select({ value: column }).from(column.table).where(where);
  return row?.value ?? null;
}

/** The highest value of `column` among the rows of its table that `where` picks; 0 when there are none. */
export async function highestWhere(db: Executor, column: AnyPgColumn<{ data: number }>, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: max(column) })
    .from(column.table)
    .where(where);
  return row?.n ?? 0;
}
