import { parseIpInput } from '../ip/parse.ts';
import { cellText, type Row } from './table.ts';

/**
 * Which columns hold what, and where the data starts.
 *
 * Columns are 0-based (0 = column A); rows are 1-based as the spreadsheet shows them.
 * `headerRow` is null when the file has no header row. `prefix` is a CIDR/prefix or a subnet-mask
 * column, fed to the address parser as a separate prefix.
 */
export type ColumnMapping = {
  headerRow: number | null;
  dataStartRow: number;
  ip: number;
  prefix: number | null;
  memo: number | null;
};

type Role = 'ip' | 'prefix' | 'memo';

// Header names people use, normalized by `normalizeHeader` (NFKC, lower case, no spaces or
// punctuation). A Map, never an object: header text from a file must not reach object keys.
const SYNONYMS: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...(
    [
      'ip',
      'ips',
      'ipaddress',
      'ipaddresses',
      'ipaddr',
      'ipv4',
      'ipv4address',
      'address',
      'addresses',
      'network',
      'networks',
      'iprange',
      'range',
      'globalip',
      'globalipaddress',
      'sourceip',
      'allowedip',
      'ipアドレス',
      'アドレス',
      'グローバルip',
      'グローバルipアドレス',
      'ip範囲',
      'ネットワーク',
      'ネットワークアドレス',
      '許可ip',
      '許可ipアドレス',
      '接続元ip',
      '送信元ip',
      'ipアドレス範囲',
    ] as const
  ).map((s) => [s, 'ip'] as [string, Role]),
  ...(
    [
      'cidr',
      'prefix',
      'prefixlength',
      'prefixlen',
      'subnetmask',
      'netmask',
      'mask',
      'subnet',
      'masklength',
      'bits',
      'プレフィックス',
      'プレフィクス',
      'プレフィックス長',
      'サブネットマスク',
      'サブネット',
      'ネットマスク',
      'マスク',
      'ビット数',
    ] as const
  ).map((s) => [s, 'prefix'] as [string, Role]),
  ...(
    [
      'memo',
      'memos',
      'note',
      'notes',
      'site',
      'name',
      'description',
      'comment',
      'comments',
      'label',
      'location',
      'office',
      'remarks',
      'remark',
      '備考',
      'メモ',
      '拠点',
      '拠点名',
      '名前',
      '名称',
      '説明',
      'コメント',
      '場所',
      '用途',
      '事業所',
      '事業所名',
      'オフィス',
      '摘要',
    ] as const
  ).map((s) => [s, 'memo'] as [string, Role]),
]);

const HEADER_SCAN_ROWS = 30;
const CONTENT_SCAN_ROWS = 200;

/** Lower-case NFKC text without spaces, punctuation or bracketed asides ("IPアドレス（必須）"). */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s_\-.:#*※/・]/g, '');
}

/** The role a header cell names, if any. */
export function headerRole(text: string): Role | null {
  return SYNONYMS.get(normalizeHeader(text)) ?? null;
}

/**
 * Find the header row and map the columns, or infer the columns from content when no row looks
 * like a header. Returns null when no column holds IP data.
 */
export function detectMapping(rows: Row[]): ColumnMapping | null {
  return fromHeader(rows) ?? fromContent(rows);
}

function fromHeader(rows: Row[]): ColumnMapping | null {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  let first: ColumnMapping | null = null;
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    let ip: number | null = null;
    let prefix: number | null = null;
    let memo: number | null = null;
    for (let c = 0; c < row.length; c++) {
      const role = headerRole(cellText(row[c]));
      if (role === 'ip' && ip === null) ip = c;
      else if (role === 'prefix' && prefix === null) prefix = c;
      else if (role === 'memo' && memo === null) memo = c;
    }
    // "CIDR" alone may be the column holding a.b.c.d/n: use it as the address column when the
    // rows below hold addresses in it.
    if (ip === null && prefix !== null && columnHoldsAddresses(rows, r + 1, prefix)) {
      ip = prefix;
      prefix = null;
    }
    if (ip === null) continue;
    const mapping = { headerRow: r + 1, dataStartRow: r + 2, ip, prefix, memo };
    // A title cell such as "IPアドレス一覧" can look like a header: prefer the first candidate
    // with addresses below it, else the first candidate.
    if (columnHoldsAddresses(rows, r + 1, ip)) return mapping;
    first ??= mapping;
  }
  return first;
}

function fromContent(rows: Row[]): ColumnMapping | null {
  const limit = Math.min(rows.length, CONTENT_SCAN_ROWS);
  const hits: number[] = [];
  let firstRow = -1;
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (looksLikeAddress(cellText(row[c]))) {
        hits[c] = (hits[c] ?? 0) + 1;
        if (firstRow < 0) firstRow = r;
      }
    }
  }
  let ip = -1;
  for (let c = 0; c < hits.length; c++) if ((hits[c] ?? 0) > (hits[ip] ?? 0)) ip = c;
  if (ip < 0) return null;
  // Data starts at the first row whose address cell is shaped like an address, parsed or not:
  // a first row such as "10.0.0.300" is a row with an error to report, not a title to skip.
  for (let r = 0; r < firstRow; r++) {
    if (ADDRESS_SHAPE.test(cellText(rows[r]?.[ip]))) {
      firstRow = r;
      break;
    }
  }
  let prefix: number | null = null;
  let memo: number | null = null;
  const width = Math.max(...rows.slice(firstRow, limit).map((row) => row.length));
  for (let c = 0; c < width; c++) {
    if (c === ip) continue;
    if (prefix === null && c === ip + 1 && columnHoldsPrefixes(rows, firstRow, limit, c))
      prefix = c;
    else if (memo === null && columnHasText(rows, firstRow, limit, c)) memo = c;
  }
  return { headerRow: null, dataStartRow: firstRow + 1, ip, prefix, memo };
}

/** Digits, a dot, digits: the shape of an address cell (valid or not), never of a title word. */
const ADDRESS_SHAPE = /\d+\s*[.．]\s*\d+/;

function looksLikeAddress(text: string): boolean {
  if (!ADDRESS_SHAPE.test(text)) return false;
  return parseIpInput(text).ok;
}

function columnHoldsAddresses(rows: Row[], from: number, c: number): boolean {
  const limit = Math.min(rows.length, from + CONTENT_SCAN_ROWS);
  let hits = 0;
  for (let r = from; r < limit; r++) if (looksLikeAddress(cellText(rows[r]?.[c]))) hits++;
  return hits > 0;
}

function columnHoldsPrefixes(rows: Row[], from: number, to: number, c: number): boolean {
  let seen = 0;
  for (let r = from; r < to; r++) {
    const text = cellText(rows[r]?.[c]).trim();
    if (text === '') continue;
    if (!/^\/?\d{1,2}$/.test(text) && !/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return false;
    seen++;
  }
  return seen > 0;
}

function columnHasText(rows: Row[], from: number, to: number, c: number): boolean {
  for (let r = from; r < to; r++) if (cellText(rows[r]?.[c]).trim() !== '') return true;
  return false;
}
