/**
 * Bilingual texts of answer-set problems: English (`message`) for logs and the CLI contract,
 * Indonesian (`messageId`) for the UI, which is Indonesian first.
 */

/** Kinds of answer-set problems; stable identifiers for clients. */
export type AnswerProblemKind =
  | 'not-object'
  | 'unknown-field'
  | 'instrument'
  | 'version'
  | 'holds'
  | 'answers'
  | 'unknown-item'
  | 'count-row-key'
  | 'yesno'
  | 'letter'
  | 'counts-object'
  | 'unknown-count'
  | 'missing-count'
  | 'count-value'
  | 'index'
  | 'percent';

type Params = Record<string, string | number>;

const describe = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

/** Renders a value the way a problem message quotes it (`"Z"`, `-1`, `{"a":1}`). */
export const quote = describe;

const texts: Record<AnswerProblemKind, (p: Params) => { en: string; id: string }> = {
  'not-object': () => ({
    en: 'the answer set must be a JSON object with "instrument" and "answers"',
    id: 'set jawaban harus berupa objek JSON dengan "instrument" dan "answers"',
  }),
  'unknown-field': (p) => ({
    en: `unknown field "${p.field}" (allowed: instrument, version, holds, answers)`,
    id: `kolom "${p.field}" tidak dikenal (yang diizinkan: instrument, version, holds, answers)`,
  }),
  instrument: (p) => ({
    en: `wrong instrument: expected "${p.expected}", got ${p.got}`,
    id: `instrumen salah: seharusnya "${p.expected}", bukan ${p.got}`,
  }),
  version: (p) => ({
    en: `version ${p.got} does not match LKE version ${p.expected}`,
    id: `versi ${p.got} tidak sesuai dengan versi LKE ${p.expected}`,
  }),
  holds: (p) => ({
    en: `"holds" must be one of ${p.allowed} or absent, got ${p.got}`,
    id: `"holds" harus salah satu dari ${p.allowed} atau dikosongkan, bukan ${p.got}`,
  }),
  answers: (p) => ({
    en: `"answers" must be an object keyed by item code, got ${p.got}`,
    id: `"answers" harus berupa objek dengan kunci kode butir, bukan ${p.got}`,
  }),
  'unknown-item': () => ({
    en: 'unknown item code',
    id: 'kode butir tidak dikenal',
  }),
  'count-row-key': (p) => ({
    en: `count rows are not separate keys: give item ${p.item} one object of named counts`,
    id: `baris jumlah bukan kunci tersendiri: isi butir ${p.item} dengan satu objek berisi jumlah-jumlah bernama`,
  }),
  yesno: (p) => ({
    en: `must be "ya" or "tidak", got ${p.got}`,
    id: `harus "ya" atau "tidak", bukan ${p.got}`,
  }),
  letter: (p) => ({
    en: `letter ${p.got} is not one of this item's options (${p.options})`,
    id: `huruf ${p.got} bukan pilihan jawaban butir ini (${p.options})`,
  }),
  'counts-object': (p) => ({
    en: `must be an object of counts (${p.counts}), got ${p.got}`,
    id: `harus berupa objek jumlah (${p.counts}), bukan ${p.got}`,
  }),
  'unknown-count': (p) => ({
    en: `unknown count name "${p.count}" (this item takes: ${p.counts})`,
    id: `nama jumlah "${p.count}" tidak dikenal (butir ini memakai: ${p.counts})`,
  }),
  'missing-count': (p) => ({
    en: `missing required count "${p.count}"`,
    id: `jumlah wajib "${p.count}" belum diisi`,
  }),
  'count-value': (p) => ({
    en: `count "${p.count}" must be a non-negative integer, got ${p.got}`,
    id: `jumlah "${p.count}" harus bilangan bulat tidak negatif, bukan ${p.got}`,
  }),
  index: (p) => ({
    en: `survey index must be a number from ${p.min} to ${p.max}, got ${p.got}`,
    id: `nilai survei harus angka dari ${p.min} sampai ${p.max}, bukan ${p.got}`,
  }),
  percent: (p) => ({
    en: `percentage must be a number from 0 to 100, got ${p.got}`,
    id: `persentase harus angka dari 0 sampai 100, bukan ${p.got}`,
  }),
};

/** Returns the English and Indonesian text of one problem kind. */
export function problemText(kind: AnswerProblemKind, params: Params = {}): { en: string; id: string } {
  return texts[kind](params);
}
