import ExcelJS from 'exceljs';
import { deflateSync } from 'fflate';
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';

/**
 * Fixture builders: the tests generate every file they import, in the encodings and formats
 * real office files come in (iconv-lite encodes, exceljs writes workbooks).
 */

export function encode(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis',
): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le':
      return new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }));
    case 'utf-16be':
      return new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    case 'shift_jis':
      return new Uint8Array(iconv.encode(text, 'cp932'));
  }
}

export type SheetSpec = {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Rows to leave out before the first, e.g. 2 puts rows[0] on row 3. */
  startRow?: number;
  merge?: string[];
};

/** An XLSX workbook written by exceljs. */
export async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((values, i) => {
      const row = ws.getRow((spec.startRow ?? 1) + i);
      values.forEach((value, c) => {
        if (value !== null && value !== undefined) row.getCell(c + 1).value = value;
      });
      row.commit();
    });
    for (const range of spec.merge ?? []) ws.mergeCells(range);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export type RawZipEntry = {
  name: string;
  /** Deflated bytes (or stored when method 0). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  uncompressedSize: number;
};

/**
 * A zip archive written byte by byte, so tests can make the hostile ones: entries that share one
 * body (an overlapping zip bomb) or directories that lie about sizes.
 */
export function rawZip(
  entries: RawZipEntry[],
  options: { overlapAfterFirst?: number; flags?: number } = {},
): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const enc = new TextEncoder();
  const writeEntry = (e: RawZipEntry, at: number) => {
    const name = enc.encode(e.name);
    const c = new Uint8Array(46 + name.length);
    const v = new DataView(c.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, options.flags ?? 0, true);
    v.setUint16(10, e.method, true);
    v.setUint32(16, e.crc >>> 0, true);
    v.setUint32(20, e.data.length, true);
    v.setUint32(24, e.uncompressedSize, true);
    v.setUint16(28, name.length, true);
    v.setUint32(42, at, true);
    c.set(name, 46);
    central.push(c);
  };
  const localEntry = (e: RawZipEntry) => {
    const name = enc.encode(e.name);
    const h = new Uint8Array(30 + name.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, options.flags ?? 0, true);
    v.setUint16(8, e.method, true);
    v.setUint32(14, e.crc >>> 0, true);
    v.setUint32(18, e.data.length, true);
    v.setUint32(22, e.uncompressedSize, true);
    v.setUint16(26, name.length, true);
    h.set(name, 30);
    const at = offset;
    parts.push(h, e.data);
    offset += h.length + e.data.length;
    return at;
  };
  const first = entries[0];
  const firstAt = first ? localEntry(first) : 0;
  if (first) writeEntry(first, firstAt);
  for (const e of entries.slice(1)) {
    if (options.overlapAfterFirst !== undefined) writeEntry(e, firstAt);
    else writeEntry(e, localEntry(e));
  }
  const cdStart = offset;
  let cdSize = 0;
  for (const c of central) {
    parts.push(c);
    cdSize += c.length;
  }
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, central.length, true);
  v.setUint16(10, central.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, cdStart, true);
  parts.push(end);
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** A deflated zip entry of `data`, honest about its size unless `claim` says otherwise. */
export function deflatedEntry(name: string, data: Uint8Array, claim?: number): RawZipEntry {
  return {
    name,
    data: deflateSync(data, { level: 6 }),
    method: 8,
    crc: crc32(data),
    uncompressedSize: claim ?? data.length,
  };
}
