/** Organisations: instansi (agencies), their yearly facts, and the unit tree. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const instansi = pgTable('instansi', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** kementerian | lembaga | provinsi | kabupaten | kota */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Agency-level facts that ZI proposals are checked against, per year (PermenPANRB 90/2021 as
 * amended by 5/2024, Lampiran II Bab II: BPK opinion, SAKIP predicate, Indeks RB, SPIP maturity).
 */
export const instansiFact = pgTable(
  'instansi_fact',
  {
    instansiId: uuid('instansi_id').notNull().references(() => instansi.id),
    year: integer('year').notNull(),
    /** WTP | WDP | TW | TMP */
    bpkOpinion: text('bpk_opinion'),
    /** AA | A | BB | B | CC | C | D */
    sakipPredicate: text('sakip_predicate'),
    /** Indeks RB letter grade (AA … D) */
    indeksRb: text('indeks_rb'),
    /** SPIP maturity level 0–5 */
    spipLevel: integer('spip_level'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instansiId, t.year] })],
);

export const unit = pgTable(
  'unit',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    instansiId: uuid('instansi_id').notNull().references(() => instansi.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    code: text('code').notNull(),
    /** Eselon level I–V, or null for non-structural units. */
    eselon: text('eselon'),
    servesPublic: boolean('serves_public').notNull().default(false),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_instansi_code_uq').on(t.instansiId, t.code),
    index('unit_parent_idx').on(t.parentId),
  ],
);
