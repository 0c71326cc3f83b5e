import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Column builders every table shares. References to a table live beside it (`orgRef`, `userRef`), so this file imports none. */

/** A point in time with its time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { mode: 'date', withTimezone: true });

/** A random uuid primary key, `id`. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** When the row was written, filled in by the database. */
export const createdAt = () => ts('created_at').notNull().defaultNow();

/** When the row last changed: the database fills it in on insert, the code that changes the row sets it. */
export const updatedAt = () => ts('updated_at').notNull().defaultNow();
