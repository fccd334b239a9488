/** What every use case receives: the database, the caller, and the audit context of the request. */
import type { AuditContext } from '../audit/events.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';

export interface ServiceContext {
  db: Db;
  config: Config;
  actor: Actor | null;
  audit: AuditContext;
}

/** Paging input shared by list use cases (1-based page). */
export interface PageInput {
  page: number;
  pageSize: number;
}

export function toLimitOffset(p: PageInput): { limit: number; offset: number } {
  return { limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
}
