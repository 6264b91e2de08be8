import type { Problem } from '../../../shared/allowlist/model.ts';
import { parseIpInput } from '../../../shared/ip/parse.ts';
import type { Row } from './draft-state.ts';

/** A one-click correction offered next to a problem. */
export type FixIt =
  | { kind: 'replace'; ip: string; cidr: string; label: { key: string; network: string } }
  | { kind: 'delete'; label: { key: string } };

/**
 * The fix-it for a problem of a row, if there is a safe one.
 *
 * Host bits: use the network the entry covers. Duplicate: delete this copy (the first one stays).
 * An address field holding another notation (a.b.c.d/n, netmask): split into address and prefix,
 * only when it is exactly one network.
 */
export function fixItFor(problem: Problem, row: Row): FixIt | null {
  switch (problem.code) {
    case 'HOST_BITS_SET': {
      const network = String(problem.params?.network ?? '');
      const [ip, cidr] = network.split('/');
      if (!ip || cidr === undefined) return null;
      return { kind: 'replace', ip, cidr, label: { key: 'editor.fixHostBits', network } };
    }
    case 'DUPLICATE_ENTRY':
      return { kind: 'delete', label: { key: 'editor.fixDuplicate' } };
    case 'IP_NOT_SINGLE_ADDRESS':
    case 'IP_NOT_NORMALIZED':
    case 'IP_ZERO_PADDED': {
      const parsed = parseIpInput(row.ip, row.cidr.trim() === '' ? null : row.cidr);
      if (!parsed.ok || parsed.networks.length !== 1) return null;
      const n = parsed.networks[0]!;
      const cidr = n.cidr === null ? '' : String(n.cidr);
      return {
        kind: 'replace',
        ip: n.ip,
        cidr,
        label: { key: 'editor.fixHostBits', network: cidr ? `${n.ip}/${cidr}` : n.ip },
      };
    }
    default:
      return null;
  }
}
