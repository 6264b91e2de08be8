import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  guessLineBreak,
  parseDelimited,
  wellFormedRecords,
} from '../../../../shared/import/delimited.ts';

/** papaparse itself, with the options parseDelimited gives it: the reference. */
const papa = (text: string, delimiter: string, newline: string) =>
  Papa.parse<string[]>(text, {
    delimiter,
    newline: newline as '\r\n',
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  }).data;

const delimiter = fc.constantFrom(',', '\t', ';');
const newline = fc.constantFrom('\r\n', '\n', '\r');

describe('the well-formed CSV path gives exactly the records papaparse gives', () => {
  it('on random text of quotes, delimiters, line breaks and spaces: the same records, or it leaves the text to papaparse', () => {
    const char = fc.constantFrom('"', '"', ',', ';', '\t', '\r', '\n', ' ', 'a', '1', '.', 'あ');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), delimiter, newline, (chars, d, nl) => {
        const text = chars.join('');
        const fast = wellFormedRecords(text, d, nl);
        if (fast !== null) expect(fast).toEqual(papa(text, d, nl));
      }),
      { numRuns: 20000 },
    );
  });

  it('takes every file written the way Excel and the service write: the records as written', () => {
    const field = fc.string({
      unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', ' ', 'a', '1', '.', '東'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        delimiter,
        newline,
        fc.boolean(),
        fc.boolean(),
        (records, d, nl, quoteAll, finalBreak) => {
          // Quoted where it must be (or always), quotes doubled; an unquoted field never starts
          // with a quote nor holds the delimiter or the line break.
          const written = records
            .map((r) =>
              r
                .map((f) =>
                  quoteAll || f.startsWith('"') || f.includes(d) || f.includes(nl)
                    ? `"${f.replaceAll('"', '""')}"`
                    : f,
                )
                .join(d),
            )
            .join(nl);
          const text = finalBreak ? `${written}${nl}` : written;
          const fast = wellFormedRecords(text, d, nl);
          expect(fast).toEqual(papa(text, d, nl));
          // (One empty field alone is an empty file: no record at all.)
          if (text !== '') expect(fast).toEqual(finalBreak ? [...records, ['']] : records);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves what papaparse treats leniently to papaparse', () => {
    expect(wellFormedRecords('"a" ,b\n', ',', '\n')).toBeNull(); // space after the closing quote
    expect(wellFormedRecords('"a"b,c\n', ',', '\n')).toBeNull(); // text after it
    expect(wellFormedRecords('"abc\n', ',', '\n')).toBeNull(); // never closed
    expect(wellFormedRecords('a,"b""\n', ',', '\n')).toBeNull(); // a doubled quote, never closed
  });
});

describe('parseDelimited', () => {
  it('reads a file with lenient quotes through papaparse, as before', () => {
    const text = 'IP,Memo\r\n192.0.2.1,"a" \r\n192.0.2.2,"b"x\r\n';
    expect(papa(text, ',', '\r\n')).toEqual([
      ['IP', 'Memo'],
      ['192.0.2.1', 'a'],
      ['192.0.2.2', 'b"x\r\n'],
    ]);
    expect(parseDelimited(text).rows).toEqual(papa(text, ',', '\r\n'));
  });

  it('drops only the empty record after the final line break', () => {
    const text = '"IP Address","CIDR","Memo"\r\n"192.0.2.1","","a"\r\n\r\n';
    expect(parseDelimited(text).rows).toEqual([
      ['IP Address', 'CIDR', 'Memo'],
      ['192.0.2.1', '', 'a'],
      [''],
    ]);
  });
});

describe("guessLineBreak is papaparse's guess of the line break", () => {
  const papaGuess = (text: string) => Papa.parse<string[]>(text, { preview: 1 }).meta.linebreak;

  it('on random text of quotes, line breaks, delimiters and letters (property)', () => {
    const char = fc.constantFrom('"', '"', '\r', '\r', '\n', '\n', ',', 'a', ' ', 'あ');
    fc.assert(
      fc.property(fc.array(char, { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(guessLineBreak(text)).toBe(papaGuess(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('reads the first megabyte only, as papaparse does, a quote closed past it left open', () => {
    const mb = 1024 * 1024;
    // \r\n lines up to the megabyte, then a quote whose closing quote lies past it: inside the
    // megabyte it stays open, so the \r before it and the \n after it do not meet.
    const head = 'a,b\r\n'.repeat(10);
    const pad = 'x'.repeat(mb - head.length - 3);
    const cases = [
      `${head}${pad}\r"\n${'\r\r'.repeat(10)}"\n`,
      `${'\r'.repeat(20)}${'y'.repeat(mb)}${'\r\n'.repeat(100)}`,
      `${'x'.repeat(mb - 1)}\r\n\n\n`,
      `"${'\r\n'.repeat(10)}"\r${'z'.repeat(mb)}`,
      // Its \r\n pairs inside the megabyte count, the quote closed only past it: \r\n.
      `${'\r'.repeat(5)}${'x'.repeat(mb - 35)}"${'\r\n'.repeat(10)}${'y'.repeat(100)}"`,
    ];
    for (const text of cases) expect(guessLineBreak(text)).toBe(papaGuess(text));
  });
});
