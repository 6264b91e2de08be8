import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { PickedFile } from '../../../electron/ipc/deps.ts';

/**
 * Files the import stories hand to the main process's open dialog (generated, never kept).
 */

/**
 * The service's own CSV (Shift_JIS, CRLF, every field quoted) with the rows admins really get
 * wrong: an IPv6 address (row 3), an octet over 255 (row 4), a range that becomes several
 * networks (row 5), and a network the seed list already has with another memo (row 6).
 */
export function serviceCsv(): PickedFile {
  const lines = [
    ['IP Address', 'CIDR', 'Memo'],
    ['203.0.113.0', '24', '東京本社'],
    ['2001:db8::1', '', 'IPv6 VPN'],
    ['198.51.100.300', '', '大阪 倉庫'],
    ['192.0.2.10-192.0.2.20', '', '名古屋 支店'],
    ['160.16.0.0', '16', '大阪オフィス（新）'],
    ['133.242.10.8', '', ''],
  ];
  const text = `${lines.map((l) => l.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`;
  return { name: 'ip-allowlist.csv', bytes: new Uint8Array(iconv.encode(text, 'Shift_JIS')) };
}

/**
 * A workbook as an office manager makes it: sheet "拠点一覧" with a merged title row, a blank
 * row, the header on row 3 (site name, global IP, subnet mask, note), a mask that is not contiguous on row 8, and a second sheet
 * "Osaka" with its own list.
 */
export async function officeWorkbook(): Promise<PickedFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('拠点一覧');
  ws.addRow(['拠点ごとの接続元 IP（2026年11月）']);
  ws.mergeCells('A1:D1');
  ws.addRow([]);
  ws.addRow(['拠点', 'グローバルIP', 'サブネットマスク', '備考']);
  ws.addRow(['札幌', '198.51.100.0', '255.255.255.0', '光回線']);
  ws.addRow(['福岡', '198.51.101.17', '', 'バックアップ回線']);
  ws.addRow(['仙台', '10.0.0.1', '', '社内']);
  ws.addRow(['那覇', '198.51.102.0', 24, '']);
  ws.addRow(['広島', '198.51.103.0', '255.0.255.0', 'マスク誤り']);
  const osaka = wb.addWorksheet('Osaka');
  osaka.addRow(['IP Address', 'Memo']);
  osaka.addRow(['192.0.2.64/26', 'Osaka lab']);
  return {
    name: '拠点IP一覧.xlsx',
    bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}

/** A workbook of `rows` single addresses (large enough that parsing takes seconds). */
export async function largeWorkbook(rows: number): Promise<PickedFile> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Branches');
  ws.addRow(['IP Address', 'CIDR', 'Memo']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([`11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, null, `Branch ${i + 1}`]);
  }
  return { name: 'branches.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** A UTF-8 CSV of `rows` single addresses. */
export function largeCsv(rows: number): PickedFile {
  const lines = ['IP Address,CIDR,Memo'];
  for (let i = 0; i < rows; i++) {
    lines.push(`11.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255},,Branch ${i + 1}`);
  }
  return { name: 'branches.csv', bytes: new TextEncoder().encode(lines.join('\r\n')) };
}

/** A tiny .xlsx-looking zip whose sheet would inflate about a thousand times (a "zip bomb"). */
export function zipBomb(): PickedFile {
  return {
    name: 'bomb.xlsx',
    bytes: zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(4 * 1024 * 1024),
    }),
  };
}
