/** LKE versions seen by this database: a published version's checksum is frozen here too. */
import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const lkeVersion = pgTable(
  'lke_version',
  {
    instrument: text('instrument').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    checksum: text('checksum').notNull(),
    firstLoadedAt: timestamp('first_loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instrument, t.version] })],
);
