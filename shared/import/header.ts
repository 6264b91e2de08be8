import { parseIpInput } from '../ip/parse.ts';
import type { Problem } from '../allowlist/model.ts';
import { makeProblem } from '../allowlist/problem.ts';
import { cellText, columnLetter, type Row } from './table.ts';

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

type Role = 'ip' | 'prefix' | 'memo' | 'rowNumber';

// The words of headings, after `normalizeHeader` (NFKC, lower case, no spaces, punctuation or
// bracketed asides). This is the one home of the heading synonyms: a heading is a role when it is
// one of these words, or (for the address) a decorated form of them such as "接続元IPアドレス",
// "IP address/CIDR" or "Global IP range". Header text from a file is only ever matched against
// these lists and regular expressions, never used as an object key.

/** Words of a list written one after another, separated by spaces and line breaks. */
function words(text: string): readonly string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Headings of a row-number column: never a memo. */
const ROW_NUMBER_WORDS = words(`
  no nr num number rowno row seq index 番号 連番 項番 通番 行 行番号 ナンバー
`);

/** Words that may come before the address word: "接続元IPアドレス", "Global IP". */
const IP_QUALIFIERS = words(`
  接続元 送信元 アクセス元 許可 許可する 許可対象 対象 グローバル 固定 公開 外部 global public static external
  source src client remote allowed allow permitted whitelisted office site 拠点
`);

/** The address word itself. */
const IP_CORES = words(`
  ip ips ipv4 ipaddr ipaddress ipaddresses ipv4address ipv4addresses ipアドレス
  ipv4アドレス address addresses アドレス network networks ネットワーク ネットワークアドレス
`);

/** Words that may follow the address word: "IPアドレス範囲", "IP address/CIDR". */
const IP_SUFFIXES = words(`
  アドレス address addresses range ranges 範囲 帯 block ブロック cidr prefix subnet
  subnetmask netmask mask サブネット サブネットマスク マスク ネットワーク network v4
`);

/** Plain address headings that are not "qualifier + address word": "Range", "IP範囲". */
const IP_WORDS = words('range iprange ip範囲 ip帯');

const PREFIX_WORDS = words(`
  cidr prefix prefixlength prefixlen subnetmask netmask mask subnet masklength
  masklen bits cidr表記 プレフィックス プレフィクス プレフィックス長 プレフィクス長 サブネットマスク サブネット ネットマスク マスク
  マスク長 ビット数
`);

/** Memo words; a heading made of one or more of them ("説明・備考", "拠点名／用途") is the memo. */
const MEMO_WORDS = words(`
  memo memos note notes site sitename name description desc comment comments label
  location office officename remarks remark purpose owner user branch 備考 メモ 拠点 拠点名
  名前 名称 説明 コメント 場所 用途 目的 事業所 事業所名 オフィス 摘要 利用者 担当 担当者 接続元 会社名 部署 部署名 内容
`);

const MAX_HEADING_CHARS = 60;

const alternation = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const IP_HEADING = new RegExp(
  `^(?:(?:${alternation(IP_QUALIFIERS)})*(?:${alternation(IP_CORES)})(?:${alternation(IP_SUFFIXES)})*|${alternation(IP_WORDS)})$`,
  'u',
);
const PREFIX_HEADING = new RegExp(`^(?:${alternation(PREFIX_WORDS)})$`, 'u');
const MEMO_HEADING = new RegExp(`^(?:${alternation(MEMO_WORDS)})+$`, 'u');
const ROW_NUMBER_HEADING = new RegExp(`^(?:${alternation(ROW_NUMBER_WORDS)})?$`, 'u');

const HEADER_SCAN_ROWS = 30;
const CONTENT_SCAN_ROWS = 200;
/**
 * detectMapping and noHeaderProblem read no row past this many: a header within the first
 * HEADER_SCAN_ROWS and the CONTENT_SCAN_ROWS below it, or data found within CONTENT_SCAN_ROWS and
 * the CONTENT_SCAN_ROWS from there. A big file's later rows need not be kept to choose its columns.
 */
export const MAPPING_ROWS = Math.max(HEADER_SCAN_ROWS, CONTENT_SCAN_ROWS) + CONTENT_SCAN_ROWS + 1;

/** Lower-case NFKC text without spaces, punctuation or bracketed asides ("IPアドレス（必須）"). */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】|〔.*?〕|<.*?>/g, '')
    .replace(/[\s_\-.:#*※/・,、|&+'"’]/g, '');
}

/**
 * The role a header cell names, if any: the address, the prefix, the memo, or a row-number column
 * ("No.", "#", "番号", never a memo).
 */
export function headerRole(text: string): Role | null {
  const raw = text.normalize('NFKC').trim();
  if (raw === '' || [...raw].length > MAX_HEADING_CHARS) return null;
  const name = normalizeHeader(raw);
  // "#", "No.", "№" (NFKC "No"), "番号": a heading of punctuation only is a row number as well.
  if (ROW_NUMBER_HEADING.test(name)) return 'rowNumber';
  if (MEMO_HEADING.test(name)) return 'memo';
  if (PREFIX_HEADING.test(name)) return 'prefix';
  if (IP_HEADING.test(name)) return 'ip';
  return null;
}

/** Every heading word the importer knows, by role: for the docs and the tests. */
export const HEADING_WORDS = {
  rowNumber: ROW_NUMBER_WORDS,
  ipQualifiers: IP_QUALIFIERS,
  ip: IP_CORES,
  ipSuffixes: IP_SUFFIXES,
  ipWords: IP_WORDS,
  prefix: PREFIX_WORDS,
  memo: MEMO_WORDS,
} as const;

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
  let best: { mapping: ColumnMapping; score: number } | null = null;
  for (let r = 0; r < limit; r++) {
    const row = rows[r] ?? [];
    // Data has started: a heading further down (a second table) is not this table's header.
    if (best && row.some((cell) => looksLikeAddress(cellText(cell)))) break;
    const ips: number[] = [];
    let prefix: number | null = null;
    let memo: number | null = null;
    let score = 0;
    for (let c = 0; c < row.length; c++) {
      const role = headerRole(cellText(row[c]));
      if (role !== null) score++;
      if (role === 'ip') ips.push(c);
      else if (role === 'prefix' && prefix === null) prefix = c;
      else if (role === 'memo' && memo === null) memo = c;
    }
    // Two address-like headings ("Address" of a street, then "IP"): the one with addresses below.
    let ip: number | null = ips.find((c) => columnHoldsAddresses(rows, r + 1, c)) ?? ips[0] ?? null;
    // "CIDR" alone may be the column holding a.b.c.d/n: use it as the address column when the
    // rows below hold addresses in it.
    if (ip === null && prefix !== null && columnHoldsAddresses(rows, r + 1, prefix)) {
      ip = prefix;
      prefix = null;
    }
    if (ip === null) continue;
    const mapping = { headerRow: r + 1, dataStartRow: r + 2, ip, prefix, memo };
    first ??= mapping;
    // A title such as "Office IP ranges (updated monthly)" can look like a header: of the rows
    // with addresses below them, the one naming the most columns wins, the nearest the data on
    // a tie (a title comes before its header).
    if (columnHoldsAddresses(rows, r + 1, ip) && (best === null || score >= best.score))
      best = { mapping, score };
  }
  return best?.mapping ?? first;
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
  // So is an IPv6 address (not supported, and said so on its row), never a title either.
  for (let r = 0; r < firstRow; r++) {
    const text = cellText(rows[r]?.[ip]);
    if (ADDRESS_SHAPE.test(text) || isIPv6(text)) {
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
    else if (
      memo === null &&
      columnHasText(rows, firstRow, limit, c) &&
      !columnHoldsRowNumbers(rows, firstRow, limit, c)
    )
      memo = c;
  }
  return { headerRow: null, dataStartRow: firstRow + 1, ip, prefix, memo };
}

/** Digits, a dot, digits: the shape of an address cell (valid or not), never of a title word. */
const ADDRESS_SHAPE = /\d+\s*[.．]\s*\d+/;

function isIPv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const outcome = parseIpInput(text);
  return !outcome.ok && outcome.problem.code === 'IPV6_NOT_SUPPORTED';
}

/** A cell that is an address the parser reads (a.b.c.d, a network, a range), nothing more. */
export function looksLikeAddress(text: string): boolean {
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

/**
 * A column of row numbers: every filled cell an integer, each greater than the one above ("1, 2,
 * 3", "No." columns). Such a column is never taken as the memo.
 */
export function columnHoldsRowNumbers(rows: Row[], from: number, to: number, c: number): boolean {
  let last = -1;
  let seen = 0;
  for (let r = from; r < to; r++) {
    const text = cellText(rows[r]?.[c]).normalize('NFKC').trim();
    if (text === '') continue;
    if (!/^\d{1,9}$/.test(text)) return false;
    const n = Number(text);
    if (n <= last) return false;
    last = n;
    seen++;
  }
  return seen > 0;
}

/**
 * A warning for each row above the data (title rows, the header row, rows the mapping starts
 * after) with a cell holding an address: such a row is not imported, and is never skipped unsaid
 * (an entry typed above the header, a data start chosen too low). Reads no row past the data
 * start: a file read as a stream keeps those (MAPPING_ROWS) when its data starts within them.
 */
export function addressesAboveData(rows: Row[], mapping: ColumnMapping): Problem[] {
  const problems: Problem[] = [];
  const above = Math.min(rows.length, mapping.dataStartRow - 1);
  for (let r = 0; r < above; r++) {
    const row = rows[r] ?? [];
    const c = row.findIndex((cell) => looksLikeAddress(cellText(cell)));
    if (c < 0) continue;
    problems.push(
      makeProblem(
        'IMPORT_ADDRESS_ABOVE_DATA',
        'warning',
        {
          row: r + 1,
          column: columnLetter(c),
          ip: cellText(row[c]).trim(),
          dataStartRow: mapping.dataStartRow,
        },
        { row: r + 1 },
      ),
    );
  }
  return problems;
}

/**
 * The warning of a mapping read from content (no header row): which column became what, so a
 * wrong guess is seen before the list is used. Null when the file has a header row.
 */
export function noHeaderProblem(rows: Row[], mapping: ColumnMapping): Problem | null {
  if (mapping.headerRow !== null) return null;
  const letter = (c: number | null) => (c === null ? '-' : columnLetter(c));
  const limit = Math.min(rows.length, mapping.dataStartRow - 1 + CONTENT_SCAN_ROWS);
  const width = Math.max(0, ...rows.slice(mapping.dataStartRow - 1, limit).map((r) => r.length));
  const ignored: string[] = [];
  for (let c = 0; c < width; c++) {
    if (c === mapping.ip || c === mapping.prefix || c === mapping.memo) continue;
    if (columnHasText(rows, mapping.dataStartRow - 1, limit, c)) ignored.push(columnLetter(c));
  }
  return makeProblem('IMPORT_NO_HEADER', 'warning', {
    ipColumn: letter(mapping.ip),
    prefixColumn: letter(mapping.prefix),
    memoColumn: letter(mapping.memo),
    ignoredColumns: ignored.length === 0 ? '-' : ignored.join(', '),
  });
}
