/** What route plugins receive from the composition root. */
import type { Config } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import type { LkeRegistry } from '../../lke/registry-type.ts';

export interface RouteDeps {
  db: Db;
  database: Database;
  config: Config;
  lke: LkeRegistry | null;
}
