/**
 * A parsed LKE document turned into flat, indexed arrays for fast scoring.
 *
 * Items, sub-areas, areas and components are stored in document order, so every parent owns a
 * contiguous range of children: scoring is a handful of loops over arrays, with no maps, no
 * zod and no tree walking per worksheet. Built once per LKE version and shared.
 */
import { type CountsFn, compileExpr } from './formula.ts';
import type {
  Area,
  Component,
  Item,
  LkeDocument,
  Predicate,
  Subarea,
  ThresholdRule,
} from './schema.ts';

/** Answer types of items (schema.ts `AnswerSchema`). */
export type ItemKind = 'yesno' | 'options' | 'ratio' | 'index' | 'percent';

/** One scored item with everything needed to turn an answer into a value in [0, 1]. */
export interface CompiledItem {
  readonly code: string;
  readonly index: number;
  readonly item: Item;
  readonly kind: ItemKind;
  readonly subarea: number;
  readonly area: number;
  readonly component: number;
  /**
   * Points one full unit of item value adds to its sub-area (sub-area weight ÷ number of items;
   * "implied item weight", domain section (c)). Used by explanations and the simulator.
   */
  readonly share: number;
  /** Options only: letters in order, A first. */
  readonly letters: readonly string[];
  /** Options only: letter → exact value (n − k) ÷ (n − 1) (PermenPANRB 90/2021 Lampiran III). */
  readonly letterValues: Readonly<Record<string, number>>;
  /** Ratio only: declared count names, and the compiled formula (unclamped). */
  readonly countNames: ReadonlySet<string>;
  readonly formula: CountsFn | null;
  /** Index and percent: accepted range (index min–max; percent 0–100). */
  readonly min: number;
  readonly max: number;
  /**
   * False for survey indexes (IPAK/IPKP): their value comes from an external survey, not from an
   * answer the unit chooses, so the simulator never proposes changing them.
   */
  readonly controllable: boolean;
}

/** A sub-area with its item range [itemStart, itemEnd). */
export interface CompiledSubarea {
  readonly code: string;
  readonly index: number;
  readonly subarea: Subarea;
  readonly weight: number;
  readonly aspect: 'pemenuhan' | 'reform' | null;
  readonly area: number;
  readonly component: number;
  readonly itemStart: number;
  readonly itemEnd: number;
}

/** An area with its sub-area range and the weight of each aspect it contains. */
export interface CompiledArea {
  readonly code: string;
  readonly index: number;
  readonly area: Area;
  readonly weight: number;
  readonly component: number;
  readonly subareaStart: number;
  readonly subareaEnd: number;
  /** Sum of sub-area weights per aspect; null when the area has no sub-area of that aspect. */
  readonly pemenuhanWeight: number | null;
  readonly reformWeight: number | null;
}

/** A component (pengungkit / hasil) with its area range. */
export interface CompiledComponent {
  readonly code: string;
  readonly index: number;
  readonly component: Component;
  readonly role: 'pengungkit' | 'hasil';
  readonly weight: number;
  readonly areaStart: number;
  readonly areaEnd: number;
}

/** What a threshold rule (or an explanation) points at. */
export type TargetRef =
  | { readonly kind: 'total' }
  | { readonly kind: 'component' | 'area' | 'subarea'; readonly index: number };

/** A threshold rule with its target resolved. */
export interface CompiledRule {
  readonly rule: ThresholdRule;
  readonly target: TargetRef;
}

/** A predicate (WBK, WBBM …) with resolved rules. */
export interface CompiledPredicate {
  readonly code: string;
  readonly predicate: Predicate;
  readonly rules: readonly CompiledRule[];
}

/** The compiled, indexed form of one LKE version. Immutable; safe to share between requests. */
export interface CompiledLke {
  readonly doc: LkeDocument;
  readonly instrument: string;
  readonly version: number;
  readonly items: readonly CompiledItem[];
  readonly subareas: readonly CompiledSubarea[];
  readonly areas: readonly CompiledArea[];
  readonly components: readonly CompiledComponent[];
  readonly predicates: readonly CompiledPredicate[];
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly subareaIndex: ReadonlyMap<string, number>;
  readonly areaIndex: ReadonlyMap<string, number>;
  /** By component code and by role. */
  readonly componentIndex: ReadonlyMap<string, number>;
  readonly predicateIndex: ReadonlyMap<string, number>;
  /** Count row code (e.g. `A.II.1.i.a.n1`) → item code, to explain a misplaced count key. */
  readonly countRows: ReadonlyMap<string, string>;
  /** Rule target name → reference: `total`, roles, component, area and sub-area codes. */
  readonly targets: ReadonlyMap<string, TargetRef>;
}

const EMPTY_LETTERS: Readonly<Record<string, number>> = Object.freeze(Object.create(null));
const EMPTY_NAMES: ReadonlySet<string> = new Set();

function compileItem(
  item: Item,
  index: number,
  parents: { subarea: number; area: number; component: number; share: number },
): CompiledItem {
  const answer = item.answer;
  let letters: string[] = [];
  let letterValues = EMPTY_LETTERS;
  let countNames = EMPTY_NAMES;
  let formula: CountsFn | null = null;
  let min = 0;
  let max = 1;
  if (answer.type === 'options') {
    letters = answer.options.map((o) => o.letter);
    const n = letters.length;
    const values: Record<string, number> = Object.create(null);
    // The k-th of n options is worth (n − k) ÷ (n − 1), kept exact (2/3, not 0.67): the
    // document's rounding policy says `letterValues: exact` (domain section (c), open question 2).
    letters.forEach((letter, k) => {
      values[letter] = (n - 1 - k) / (n - 1);
    });
    letterValues = Object.freeze(values);
  } else if (answer.type === 'ratio') {
    countNames = new Set(answer.counts.map((c) => c.name));
    formula = compileExpr(answer.formula);
  } else if (answer.type === 'index') {
    min = answer.min;
    max = answer.max;
  } else if (answer.type === 'percent') {
    max = 100;
  }
  return {
    code: item.code,
    index,
    item,
    kind: answer.type,
    subarea: parents.subarea,
    area: parents.area,
    component: parents.component,
    share: parents.share,
    letters,
    letterValues,
    countNames,
    formula,
    min,
    max,
    controllable: answer.type !== 'index',
  };
}

/**
 * Compiles a parsed document (from `parseLke`) into the indexed structure the scorer uses.
 * Assumes the document passed `parseLke`; call it once per version and reuse the result.
 */
export function compileLke(doc: LkeDocument): CompiledLke {
  const items: CompiledItem[] = [];
  const subareas: CompiledSubarea[] = [];
  const areas: CompiledArea[] = [];
  const components: CompiledComponent[] = [];
  const itemIndex = new Map<string, number>();
  const subareaIndex = new Map<string, number>();
  const areaIndex = new Map<string, number>();
  const componentIndex = new Map<string, number>();
  const countRows = new Map<string, string>();
  const targets = new Map<string, TargetRef>([['total', { kind: 'total' }]]);

  for (const component of doc.components) {
    const ci = components.length;
    const areaStart = areas.length;
    for (const area of component.areas) {
      const ai = areas.length;
      const subareaStart = subareas.length;
      let pemenuhanWeight: number | null = null;
      let reformWeight: number | null = null;
      for (const subarea of area.subareas) {
        const si = subareas.length;
        const itemStart = items.length;
        const share = subarea.weight / subarea.items.length;
        for (const item of subarea.items) {
          const compiled = compileItem(item, items.length, {
            subarea: si,
            area: ai,
            component: ci,
            share,
          });
          itemIndex.set(item.code, items.length);
          items.push(compiled);
          if (item.answer.type === 'ratio') for (const c of item.answer.counts) countRows.set(c.row, item.code);
        }
        if (subarea.aspect === 'pemenuhan') pemenuhanWeight = (pemenuhanWeight ?? 0) + subarea.weight;
        if (subarea.aspect === 'reform') reformWeight = (reformWeight ?? 0) + subarea.weight;
        subareaIndex.set(subarea.code, si);
        targets.set(subarea.code, { kind: 'subarea', index: si });
        subareas.push({
          code: subarea.code,
          index: si,
          subarea,
          weight: subarea.weight,
          aspect: subarea.aspect ?? null,
          area: ai,
          component: ci,
          itemStart,
          itemEnd: items.length,
        });
      }
      areaIndex.set(area.code, ai);
      targets.set(area.code, { kind: 'area', index: ai });
      areas.push({
        code: area.code,
        index: ai,
        area,
        weight: area.weight,
        component: ci,
        subareaStart,
        subareaEnd: subareas.length,
        pemenuhanWeight,
        reformWeight,
      });
    }
    componentIndex.set(component.code, ci);
    componentIndex.set(component.role, ci);
    targets.set(component.code, { kind: 'component', index: ci });
    targets.set(component.role, { kind: 'component', index: ci });
    components.push({
      code: component.code,
      index: ci,
      component,
      role: component.role,
      weight: component.weight,
      areaStart,
      areaEnd: areas.length,
    });
  }

  const predicateIndex = new Map<string, number>();
  const predicates: CompiledPredicate[] = doc.predicates.map((predicate, pi) => {
    predicateIndex.set(predicate.code, pi);
    return {
      code: predicate.code,
      predicate,
      rules: predicate.rules.map((rule) => {
        const target = targets.get(rule.target);
        if (!target) throw new Error(`rule ${predicate.code}/${rule.id}: unknown target "${rule.target}" (parse the document first)`);
        return { rule, target };
      }),
    };
  });

  return {
    doc,
    instrument: doc.instrument,
    version: doc.version,
    items,
    subareas,
    areas,
    components,
    predicates,
    itemIndex,
    subareaIndex,
    areaIndex,
    componentIndex,
    predicateIndex,
    countRows,
    targets,
  };
}
