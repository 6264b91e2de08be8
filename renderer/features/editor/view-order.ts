import type { Problem } from '../../../shared/allowlist/model.ts';
import { assertNever } from '../../../shared/allowlist/model.ts';
import { parseIPv4Strict } from '../../../shared/ip/parse.ts';
import type { Row } from './draft-state.ts';

export type SortKey = 'original' | 'ip' | 'memo' | 'problems';
export type FilterKey = 'all' | 'problems' | 'errors' | 'warnings';

/**
 * Which rows to show and in which order (row ids).
 *
 * `containsIndexes` (from the CIDR-aware search) restricts the view to the entries that cover the
 * searched address; otherwise the search text matches the address or memo as text.
 */
export function computeViewOrder(
  rows: Row[],
  byIndex: Map<number, Problem[]>,
  sort: SortKey,
  filter: FilterKey,
  search: string,
  containsIndexes: Set<number> | null,
): number[] {
  const needle = search.trim().toLowerCase();
  const picked: number[] = [];
  rows.forEach((row, index) => {
    const problems = byIndex.get(index) ?? [];
    switch (filter) {
      case 'all':
        break;
      case 'problems':
        if (problems.length === 0) return;
        break;
      case 'errors':
        if (!problems.some((p) => p.severity === 'error')) return;
        break;
      case 'warnings':
        if (!problems.some((p) => p.severity === 'warning')) return;
        break;
      default:
        assertNever(filter);
    }
    if (containsIndexes) {
      if (!containsIndexes.has(index)) return;
    } else if (needle !== '') {
      const hay = `${row.ip}/${row.cidr} ${row.memo}`.toLowerCase();
      if (!hay.includes(needle)) return;
    }
    picked.push(index);
  });
  const sorted = sortIndexes(picked, rows, byIndex, sort);
  return sorted.map((i) => rows[i]!.id);
}

function sortIndexes(
  indexes: number[],
  rows: Row[],
  byIndex: Map<number, Problem[]>,
  sort: SortKey,
): number[] {
  switch (sort) {
    case 'original':
      return indexes;
    case 'ip': {
      const key = (i: number) => {
        const n = parseIPv4Strict(rows[i]!.ip.trim());
        return n === null ? Number.POSITIVE_INFINITY : n;
      };
      return indexes
        .slice()
        .sort(
          (a, b) =>
            key(a) - key(b) || Number(rows[a]!.cidr || 32) - Number(rows[b]!.cidr || 32) || a - b,
        );
    }
    case 'memo': {
      const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
      return indexes
        .slice()
        .sort((a, b) => collator.compare(rows[a]!.memo, rows[b]!.memo) || a - b);
    }
    case 'problems': {
      const rank = (i: number) => {
        const list = byIndex.get(i) ?? [];
        if (list.some((p) => p.severity === 'error')) return 0;
        return list.length > 0 ? 1 : 2;
      };
      return indexes.slice().sort((a, b) => rank(a) - rank(b) || a - b);
    }
    default:
      return assertNever(sort);
  }
}
