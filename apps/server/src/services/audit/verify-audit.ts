/** Walks the audit hash chain and reports the first broken link (used by the API and `zona audit verify`). */
import { GENESIS_HASH, linkHash } from '../../audit/record.ts';
import type { Executor } from '../../db/client.ts';
import { walkChainUnscoped } from '../../repositories/audit-repository.ts';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
}

/** Pure chain check over the whole table; the caller has already checked `audit:verify`. */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const rows of walkChainUnscoped(db)) {
    for (const row of rows) {
      const seq = Number(row.seq);
      const problem =
        seq !== expectedSeq
          ? `urutan terputus: diharapkan ${expectedSeq}, ditemukan ${seq} / sequence gap`
          : row.prevHash !== prev
            ? 'prev_hash tidak cocok dengan baris sebelumnya / prev_hash does not match the previous row'
            : linkHash(prev, row) !== row.hash
              ? 'isi baris diubah: hash tidak cocok / row content altered: hash mismatch'
              : null;
      if (problem) {
        return { ok: false, checked, firstBrokenSeq: seq, message: `Rantai audit rusak pada seq ${seq}: ${problem}` };
      }
      prev = row.hash;
      expectedSeq++;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, message: `Rantai audit utuh (${checked} kejadian) / audit chain intact` };
}
