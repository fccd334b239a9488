/**
 * Indonesian + English wording of the scoring rules, shown by `explain` and `simulate`.
 * The clause itself comes from the LKE document (legalBasis, rule basis) so that the same
 * engine cites PermenPANRB 52/2014 for the 2014 instrument and 90/2021 for the 2021 one.
 */
import type { CompiledLke } from './compile.ts';
import type { Text } from './schema.ts';

/** Formats a number for an explanation line (up to 4 decimals, no trailing zeros). */
export function fmt(x: number): string {
  return String(Math.round(x * 10_000) / 10_000);
}

/** Rule texts, Indonesian first. */
export const RULE_TEXT = {
  yesno: { id: 'Jawaban Ya bernilai 1, Tidak bernilai 0', en: 'Ya is worth 1, Tidak 0' },
  options: {
    id: 'Pilihan ke-k dari n pilihan bernilai (n − k) ÷ (n − 1), tanpa pembulatan (A = 1, pilihan terakhir = 0)',
    en: 'The k-th of n options is worth (n − k) ÷ (n − 1), exact (A = 1, the last option 0)',
  },
  ratio: {
    id: 'Persentase dihitung dari jumlah-jumlah dengan rumus butir, dibatasi 0–100%',
    en: "Percentage computed from the counts with the item's formula, clamped to 0–100%",
  },
  index: { id: 'Nilai survei dibagi nilai maksimum skala', en: 'Survey index divided by the top of its scale' },
  percent: { id: 'Persentase dibagi 100', en: 'Percentage divided by 100' },
  unanswered: {
    id: 'Butir yang belum dijawab bernilai 0 dan tetap dihitung dalam rata-rata sub-area',
    en: "An unanswered item scores 0 and still counts in its sub-area's mean",
  },
  subarea: {
    id: 'Nilai sub-area = bobot sub-area × rata-rata nilai butir (butir kosong bernilai 0)',
    en: 'Sub-area score = sub-area weight × mean of its item values (unanswered items count as 0)',
  },
  area: {
    id: 'Nilai area = jumlah nilai sub-area (pemenuhan + reform)',
    en: 'Area score = sum of its sub-area scores (pemenuhan + reform)',
  },
  component: { id: 'Nilai komponen = jumlah nilai area', en: 'Component score = sum of its area scores' },
  total: { id: 'Nilai total = pengungkit + hasil', en: 'Total = pengungkit + hasil' },
  rounding: {
    id: 'Dibulatkan ke 2 desimal, setengah menjauhi nol; syarat predikat dibandingkan dengan angka yang dibulatkan',
    en: 'Rounded to 2 decimals, half away from zero; predicate thresholds compare the rounded numbers',
  },
  clamp: { id: 'Dibatasi ke rentang 0–1 (0–100%)', en: 'Clamped to the range 0–1 (0–100%)' },
  sum: { id: 'Jumlah', en: 'Sum' },
  mean: { id: 'Rata-rata', en: 'Mean' },
  times: { id: 'Dikali bobot', en: 'Times the weight' },
  counts: { id: 'Jumlah-jumlah dimasukkan ke rumus', en: 'Counts put into the formula' },
  compare: { id: 'Dibandingkan dengan batas minimum', en: 'Compared with the minimum' },
} as const satisfies Record<string, Text>;

/** Bilingual name of a rule target: `total`, a component, `area 4 (…)`, `sub-area B.I.a (…)`. */
export function targetLabel(lke: CompiledLke, target: string): Text {
  const ref = lke.targets.get(target);
  if (!ref || ref.kind === 'total') return { id: 'nilai total', en: 'the total' };
  if (ref.kind === 'component') {
    const c = lke.components[ref.index];
    return { id: `komponen ${c.role}`, en: `the ${c.role} component` };
  }
  const [id, en, name] =
    ref.kind === 'area'
      ? ['area', 'area', lke.areas[ref.index].area.name]
      : ['sub-area', 'sub-area', lke.subareas[ref.index].subarea.name];
  return { id: `${id} ${target} (${name.id})`, en: `${en} ${target} (${name.en})` };
}

/** Text of a threshold rule. */
export function ruleText(predicate: string, target: Text, min: number): Text {
  return {
    id: `Syarat ${predicate}: nilai ${target.id} (dibulatkan) ≥ ${min}`,
    en: `${predicate} requires the rounded score of ${target.en} ≥ ${min}`,
  };
}

/** Text of a prior-predicate requirement (90/2021 Tabel 6: WBBM needs a prior WBK). */
export function requirementText(predicate: string, anyOf: readonly string[]): Text {
  const list = anyOf.join(' / ');
  return {
    id: `${predicate} mensyaratkan unit sudah memegang predikat ${list}`,
    en: `${predicate} requires the unit to already hold ${list}`,
  };
}

/** Bilingual "A; B" join of a rule text and a clause. */
export function cite(clause: string, rule?: Text): Text {
  return rule ? { id: `${clause} — ${rule.id}`, en: `${clause} — ${rule.en}` } : { id: clause, en: clause };
}
