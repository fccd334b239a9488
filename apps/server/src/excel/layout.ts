/**
 * The row plan of the main "LKE" sheet: which row holds which component, area, aspect,
 * sub-area, item and count. Pure data, computed once from the LKE document, so the exporter,
 * the summary sheet and the metadata map all agree on the same row numbers.
 */
import type { Area, Item, LkeDocument, Subarea } from '@zona/scoring';
import { MAIN_FIRST_ROW } from './types.ts';

export type RowKind = 'component' | 'area' | 'aspect' | 'subarea' | 'item' | 'count' | 'total';

export interface PlanRow {
  row: number;
  kind: RowKind;
  /** Code shown in the Kode column (the document's code; counts show their `row` code). */
  code: string;
  label: string;
  /** Bobot; absent on item and count rows (the computation is weight × mean, not per item). */
  weight?: number;
  /** Outline level for Excel's row grouping (0 = top). */
  level: number;
  /** Rows whose Nilai this row sums (component, area, aspect, total). */
  sumOf?: number[];
  /** Item rows whose values this sub-area averages. */
  averageOf?: number[];
  /** The item answered on this row (item rows, and sub-area rows merged with their single item). */
  item?: Item;
  /** For ratio items: count name → row of its "Jumlah" input. */
  countRows?: Record<string, number>;
  /** For count rows: the item and count they feed. */
  itemCode?: string;
  countName?: string;
  countRequired?: boolean;
  countScored?: boolean;
}

export interface LkePlan {
  rows: PlanRow[];
  /** Aggregate key → row: `total`, component roles, area codes, sub-area codes, `<area>/<aspect>`. */
  targets: Map<string, number>;
}

const ASPECT_LABEL: Record<string, string> = { pemenuhan: 'Pemenuhan', reform: 'Reform' };

/**
 * A sub-area whose only item carries the sub-area's own code (B.I.a, B.II.a) is shown as one row,
 * as the official LKE does: the answer and the weighted score sit side by side.
 */
export function isMergedSubarea(subarea: Subarea): boolean {
  return subarea.items.length === 1 && subarea.items[0].code === subarea.code;
}

/** The aspect groups of an area in document order; hasil areas have one group without aspect. */
function aspectGroups(area: Area): { aspect?: string; subareas: Subarea[] }[] {
  const groups: { aspect?: string; subareas: Subarea[] }[] = [];
  for (const subarea of area.subareas) {
    let group = groups.find((g) => g.aspect === subarea.aspect);
    if (!group) groups.push((group = { aspect: subarea.aspect, subareas: [] }));
    group.subareas.push(subarea);
  }
  return groups;
}

/** `A.I.1` for the pemenuhan sub-areas of area 1 (their common parent code), else a made-up key. */
function aspectCode(area: Area, aspect: string, subareas: Subarea[]): string {
  const parents = new Set(subareas.map((s) => s.code.split('.').slice(0, -1).join('.')));
  return parents.size === 1 ? [...parents][0] : `${area.code}/${aspect}`;
}

export function planLke(lke: LkeDocument): LkePlan {
  const rows: PlanRow[] = [];
  const targets = new Map<string, number>();
  let next = MAIN_FIRST_ROW;
  const add = (row: Omit<PlanRow, 'row'>): PlanRow => {
    const planned = { ...row, row: next++ };
    rows.push(planned);
    return planned;
  };

  const addItem = (item: Item, level: number, host?: PlanRow): PlanRow => {
    const itemRow = host ?? add({ kind: 'item', code: item.code, label: item.text.id, level, item });
    if (item.answer.type === 'ratio') {
      itemRow.countRows = {};
      for (const count of item.answer.counts) {
        const countRow = add({
          kind: 'count',
          code: count.row,
          label: count.label.id,
          level: level + 1,
          itemCode: item.code,
          countName: count.name,
          countRequired: count.required,
          countScored: count.scored,
        });
        itemRow.countRows[count.name] = countRow.row;
      }
    }
    return itemRow;
  };

  const addSubarea = (subarea: Subarea, level: number): PlanRow => {
    const merged = isMergedSubarea(subarea);
    const row = add({
      kind: 'subarea',
      code: subarea.code,
      label: subarea.name.id,
      weight: subarea.weight,
      level,
      item: merged ? subarea.items[0] : undefined,
    });
    row.averageOf = merged ? [row.row] : subarea.items.map((item) => addItem(item, level + 1).row);
    if (merged) addItem(subarea.items[0], level, row);
    targets.set(subarea.code, row.row);
    return row;
  };

  const componentRows: number[] = [];
  for (const component of lke.components) {
    const compRow = add({
      kind: 'component',
      code: component.code,
      label: component.name.id.toUpperCase(),
      weight: component.weight,
      level: 0,
    });
    compRow.sumOf = [];
    for (const area of component.areas) {
      const areaRow = add({ kind: 'area', code: area.code, label: area.name.id, weight: area.weight, level: 1 });
      for (const group of aspectGroups(area)) {
        if (!group.aspect) {
          for (const subarea of group.subareas) addSubarea(subarea, 2);
          continue;
        }
        const aspectRow = add({
          kind: 'aspect',
          code: aspectCode(area, group.aspect, group.subareas),
          label: ASPECT_LABEL[group.aspect] ?? group.aspect,
          weight: group.subareas.reduce((sum, s) => sum + s.weight, 0),
          level: 2,
        });
        aspectRow.sumOf = group.subareas.map((subarea) => addSubarea(subarea, 3).row);
        targets.set(`${area.code}/${group.aspect}`, aspectRow.row);
      }
      // The area sums its sub-areas in document order, not its two aspect rows: the engine adds
      // them that way, and a different order of float additions may differ in the last bit.
      areaRow.sumOf = area.subareas.map((s) => targets.get(s.code)!);
      compRow.sumOf.push(areaRow.row);
      targets.set(area.code, areaRow.row);
    }
    componentRows.push(compRow.row);
    targets.set(component.role, compRow.row);
  }
  const total = add({
    kind: 'total',
    code: '',
    label: 'NILAI TOTAL',
    weight: lke.components.reduce((sum, c) => sum + c.weight, 0),
    level: 0,
    sumOf: componentRows,
  });
  targets.set('total', total.row);
  return { rows, targets };
}
