import { describe, expect, it } from 'vitest';
import { XmlTagCounter } from '../../../../shared/import/zip-guard.ts';

describe('XmlTagCounter', () => {
  it('counts row and cell start tags with or without a namespace prefix, across chunk boundaries', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row>' +
      '<x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row><rowBreaks/><col/><cols/></sheetData></worksheet>';
    const bytes = new TextEncoder().encode(xml);
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const counter = new XmlTagCounter();
      for (let i = 0; i < bytes.length; i += size) counter.push(bytes.subarray(i, i + size));
      expect([counter.rows, counter.cells]).toEqual([2, 3]);
    }
  });
});
