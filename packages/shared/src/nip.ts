/**
 * NIP (Nomor Induk Pegawai) of an Indonesian civil servant: 18 digits
 *   YYYYMMDD  date of birth
 *   YYYYMM    year and month of appointment (TMT CPNS)
 *   G         gender: 1 male, 2 female
 *   NNN       sequence number, 001–999
 * Structure per Peraturan BKN on NIP; we check the structure, not that the number exists.
 */
export type NipProblem =
  | 'length'
  | 'digits'
  | 'birth_date'
  | 'appointment'
  | 'gender'
  | 'sequence';

export interface NipParts {
  birthDate: string;
  appointment: string;
  gender: 'L' | 'P';
  sequence: number;
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Checks the NIP's structure; returns the first problem, or the decoded parts. */
export function parseNip(raw: string): { ok: true; parts: NipParts } | { ok: false; problem: NipProblem } {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d+$/.test(nip)) return { ok: false, problem: 'digits' };
  if (nip.length !== 18) return { ok: false, problem: 'length' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1900 || !validDate(by, bm, bd)) return { ok: false, problem: 'birth_date' };
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  // Appointment must be a real month, after the 16th birthday year and not absurdly late.
  if (am < 1 || am > 12 || ay < by + 16 || ay > by + 70) return { ok: false, problem: 'appointment' };
  const g = nip[14];
  if (g !== '1' && g !== '2') return { ok: false, problem: 'gender' };
  const seq = Number(nip.slice(15, 18));
  if (seq < 1) return { ok: false, problem: 'sequence' };
  return {
    ok: true,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: g === '1' ? 'L' : 'P',
      sequence: seq,
    },
  };
}

/** Indonesian / English messages for each NIP problem (field errors in forms and imports). */
export const NIP_MESSAGES: Record<NipProblem, { id: string; en: string }> = {
  length: { id: 'NIP harus 18 digit', en: 'NIP must have 18 digits' },
  digits: { id: 'NIP hanya boleh berisi angka', en: 'NIP may contain digits only' },
  birth_date: { id: '8 digit pertama NIP bukan tanggal lahir yang valid', en: 'The first 8 digits of the NIP are not a valid birth date' },
  appointment: { id: 'Digit 9–14 NIP bukan bulan pengangkatan yang valid', en: 'Digits 9–14 of the NIP are not a valid appointment month' },
  gender: { id: 'Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan)', en: 'Digit 15 of the NIP must be 1 (male) or 2 (female)' },
  sequence: { id: 'Nomor urut NIP (3 digit terakhir) tidak boleh 000', en: 'The NIP sequence number (last 3 digits) cannot be 000' },
};
