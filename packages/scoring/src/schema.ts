/**
 * The LKE document format: a published evaluation worksheet (Lembar Kerja Evaluasi) as data.
 *
 * One file per instrument version (`lke/<code>/v<N>.yaml`). The engine never hard-codes an
 * item, a weight or a threshold: everything the regulation fixes lives in the document, and the
 * engine only implements the arithmetic the regulation describes (see score.ts).
 */
import { z } from 'zod';

/** Indonesian first, English summary second (both required so the UI can switch language). */
export const TextSchema = z.object({
  id: z.string().min(1),
  en: z.string().min(1),
});
export type Text = z.infer<typeof TextSchema>;

/**
 * A count formula as a typed rule tree (no expression strings). Evaluated over the named,
 * non-negative integer counts of one percentage item.
 */
export type Expr =
  | { const: number }
  | { count: string }
  | { add: Expr[] }
  | { sub: [Expr, Expr] }
  | { div: [Expr, Expr]; onZero: Expr }
  | { if: Cond; then: Expr; else: Expr };

/** A condition inside an `if` node of a count formula. */
export type Cond =
  | { eq: [Expr, Expr] }
  | { gt: [Expr, Expr] }
  | { gte: [Expr, Expr] };

export const ExprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.strictObject({ const: z.number() }),
    z.strictObject({ count: z.string().min(1) }),
    z.strictObject({ add: z.array(ExprSchema).min(1) }),
    z.strictObject({ sub: z.tuple([ExprSchema, ExprSchema]) }),
    z.strictObject({ div: z.tuple([ExprSchema, ExprSchema]), onZero: ExprSchema }),
    z.strictObject({ if: CondSchema, then: ExprSchema, else: ExprSchema }),
  ]),
);

export const CondSchema: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z.strictObject({ eq: z.tuple([ExprSchema, ExprSchema]) }),
    z.strictObject({ gt: z.tuple([ExprSchema, ExprSchema]) }),
    z.strictObject({ gte: z.tuple([ExprSchema, ExprSchema]) }),
  ]),
);

/** One answer option of a graded item: its letter and the criterion that defines it. */
export const OptionSchema = z.strictObject({
  letter: z.string().regex(/^[A-Z]$/),
  criterion: TextSchema,
});

/** A named count input of a percentage item (the "Jumlah" rows of the LKE). */
export const CountSchema = z.strictObject({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  /** The LKE row code of this count (e.g. `A.II.1.i.a.n1`), for display and Excel. */
  row: z.string().min(1),
  label: TextSchema,
  /** Optional counts may be absent (they are recorded but not needed by the formula). */
  required: z.boolean().default(true),
  /** Recorded for the report but not used by the formula (e.g. violations already sanctioned). */
  scored: z.boolean().default(true),
});

/** The answer type of an item and everything needed to turn an answer into a value in [0, 1]. */
export const AnswerSchema = z.discriminatedUnion('type', [
  /** Ya/Tidak: Ya = 1, Tidak = 0. */
  z.strictObject({ type: z.literal('yesno') }),
  /** Graded letters A… : the k-th of n options is worth (n − k) ÷ (n − 1). */
  z.strictObject({ type: z.literal('options'), options: z.array(OptionSchema).min(2) }),
  /** Percentage computed from counts by a formula; the result is clamped to [0, 1]. */
  z.strictObject({
    type: z.literal('ratio'),
    counts: z.array(CountSchema).min(1),
    formula: ExprSchema,
    /** Plain-language statement of the formula and its zero-denominator rule. */
    formulaText: TextSchema,
  }),
  /** A survey index on a 0–max scale (IPAK/IPKP 0–4); value = index ÷ max. */
  z.strictObject({ type: z.literal('index'), min: z.number(), max: z.number().positive() }),
  /** A percentage typed directly (0–100), value = percent ÷ 100 (LKE 2014 TLHP). */
  z.strictObject({ type: z.literal('percent') }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export const ItemSchema = z.strictObject({
  code: z.string().min(1),
  text: TextSchema,
  answer: AnswerSchema,
  /** Evidence usually asked for (practice, not regulation); shown as guidance only. */
  evidence: z.array(TextSchema).optional(),
  /** Free note on a known problem in the regulation text for this item. */
  note: TextSchema.optional(),
});
export type Item = z.infer<typeof ItemSchema>;

export const SubareaSchema = z.strictObject({
  code: z.string().min(1),
  name: TextSchema,
  /** `pemenuhan` or `reform` inside the pengungkit component; absent for hasil indicators. */
  aspect: z.enum(['pemenuhan', 'reform']).optional(),
  weight: z.number().positive(),
  items: z.array(ItemSchema).min(1),
});
export type Subarea = z.infer<typeof SubareaSchema>;

export const AreaSchema = z.strictObject({
  /** Area key; pengungkit areas are `1`…`6`, hasil areas `B.I`, `B.II`. */
  code: z.string().min(1),
  name: TextSchema,
  weight: z.number().positive(),
  subareas: z.array(SubareaSchema).min(1),
});
export type Area = z.infer<typeof AreaSchema>;

export const ComponentSchema = z.strictObject({
  /** `A` (pengungkit) or `B` (hasil). */
  code: z.string().min(1),
  /** Stable role of the component in reports. */
  role: z.enum(['pengungkit', 'hasil']),
  name: TextSchema,
  weight: z.number().positive(),
  areas: z.array(AreaSchema).min(1),
});
export type Component = z.infer<typeof ComponentSchema>;

/**
 * One threshold rule of a predicate. `target` names an aggregate: `total`, a component role
 * (`pengungkit`, `hasil`), an area code, or a sub-area code. The rule holds when the reported
 * (rounded) score is ≥ `min`.
 */
export const ThresholdRuleSchema = z.strictObject({
  id: z.string().min(1),
  target: z.string().min(1),
  min: z.number(),
  /** The minimum as a share of the target's weight, when the regulation states it that way. */
  percentOfWeight: z.number().optional(),
  basis: z.string().min(1),
});
export type ThresholdRule = z.infer<typeof ThresholdRuleSchema>;

export const PredicateSchema = z.strictObject({
  code: z.string().min(1),
  name: TextSchema,
  /** Predicates that must already be held (any of them); failure id when none is held. */
  requiresHeld: z
    .strictObject({ anyOf: z.array(z.string()).min(1), failureId: z.string().min(1) })
    .optional(),
  rules: z.array(ThresholdRuleSchema),
});
export type Predicate = z.infer<typeof PredicateSchema>;

export const RoundingSchema = z.strictObject({
  decimals: z.number().int().min(0).max(6),
  mode: z.literal('half-away-from-zero'),
  /** Thresholds are compared with the reported (rounded) numbers. */
  compare: z.literal('rounded'),
  /** Letter values are exact fractions ((n − k) ÷ (n − 1)), never 0.67 / 0.33. */
  letterValues: z.literal('exact'),
});

export const LkeDocumentSchema = z.strictObject({
  instrument: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'published']),
  /** True when the content could not be fully verified against the regulation text. */
  bestEffort: z.boolean().default(false),
  title: TextSchema,
  legalBasis: z.array(
    z.strictObject({ regulation: z.string().min(1), clause: z.string().min(1), note: z.string().optional() }),
  ),
  effective: z.strictObject({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  }),
  rounding: RoundingSchema,
  components: z.array(ComponentSchema).min(1),
  predicates: z.array(PredicateSchema),
});
export type LkeDocument = z.infer<typeof LkeDocumentSchema>;
