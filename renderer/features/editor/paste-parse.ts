import Papa from 'papaparse';
import type { Entry } from '../../../shared/allowlist/model.ts';
import { parseIpInput } from '../../../shared/ip/parse.ts';

/** Result of reading pasted text as table rows. */
export type PastedRows = {
  entries: Entry[];
  /** Pasted lines that became entries the validation will flag (kept as typed). */
  unreadable: number;
  headerSkipped: boolean;
};

const HEADER = /^(ip|ip ?address|address|アドレス|ip ?アドレス|ipアドレス|network|ネットワーク)$/i;
const PREFIX_TEXT = /^(\/?\d{1,2}|\d{1,3}(\.\d{1,3}){3})$/;

/**
 * Does pasted text hold several rows or columns (then it is handled as a table paste)?
 */
export function isTablePaste(text: string): boolean {
  return /[\r\n\t]/.test(text.replace(/[\r\n]+$/, ''));
}

/**
 * Read text copied from Excel (TSV), a CSV file or a one-per-line list into entries.
 *
 * Columns: address, then an optional prefix column (24, /24 or a netmask), then the memo (the
 * remaining columns joined). Notations the domain parser understands (a.b.c.d/n, netmask, range,
 * wildcard) become their networks; a line it cannot read is kept exactly as typed so the table
 * shows the problem next to it: nothing pasted is dropped or reinterpreted.
 */
export function parsePastedText(text: string): PastedRows {
  const body = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '');
  const lines = body.split(/\r?\n/);
  const delimiter = lines.some((l) => l.includes('\t'))
    ? '\t'
    : lines.some((l) => l.includes(','))
      ? ','
      : null;
  const rows: string[][] =
    delimiter === null
      ? lines.map((l) => [l])
      : (Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data as string[][]);

  const entries: Entry[] = [];
  let unreadable = 0;
  let headerSkipped = false;
  rows.forEach((cells, rowIndex) => {
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.every((c) => c === '')) return;
    const [first = '', second = '', ...rest] = trimmed;
    if (rowIndex === 0 && HEADER.test(first.replace(/["']/g, ''))) {
      headerSkipped = true;
      return;
    }
    const hasPrefixColumn = trimmed.length >= 2 && (second === '' || PREFIX_TEXT.test(second));
    const prefix = hasPrefixColumn ? second : '';
    const memo = (hasPrefixColumn ? rest : [second, ...rest]).filter((c) => c !== '').join(' ');
    const parsed = parseIpInput(first, prefix === '' ? null : prefix);
    if (parsed.ok) {
      for (const n of parsed.networks) entries.push({ ip: n.ip, cidr: n.cidr, memo });
      return;
    }
    unreadable++;
    const numeric = /^\/?(\d{1,3})$/.exec(prefix);
    if (numeric) entries.push({ ip: first, cidr: Number(numeric[1]), memo });
    else entries.push({ ip: prefix === '' ? first : `${first} ${prefix}`, cidr: null, memo });
  });
  return { entries, unreadable, headerSkipped };
}
