/** Builds the unit tree from the flat `unit-tree` list (children sorted by code, then name). */
import type { Unit } from '../../lib/api/types.ts';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
  depth: number;
}

export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(String(unit.id), { unit, children: [], depth: 0 });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId == null ? undefined : nodes.get(String(node.unit.parentId));
    // A parent outside this instansi's list (or a cycle guard) makes the node a root.
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: UnitNode, b: UnitNode) =>
    a.unit.code.localeCompare(b.unit.code, 'id', { numeric: true }) || a.unit.name.localeCompare(b.unit.name, 'id');
  const visit = (list: UnitNode[], depth: number, seen: Set<UnitNode>) => {
    list.sort(order);
    for (const node of list) {
      if (seen.has(node)) continue;
      seen.add(node);
      node.depth = depth;
      visit(node.children, depth + 1, seen);
    }
  };
  visit(roots, 0, new Set());
  return roots;
}

/** Ids of a node and everything below it (a unit cannot move under itself). */
export function subtreeIds(node: UnitNode): Set<string> {
  const ids = new Set<string>();
  const stack = [node];
  while (stack.length) {
    const n = stack.pop() as UnitNode;
    ids.add(String(n.unit.id));
    stack.push(...n.children);
  }
  return ids;
}

/** Depth-first list with indentation depth, for parent pickers. */
export function flattenTree(roots: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: UnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

export function findNode(roots: UnitNode[], id: string): UnitNode | undefined {
  return flattenTree(roots).find((n) => String(n.unit.id) === id);
}
