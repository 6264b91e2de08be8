import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessLineBreak } from '../../../../shared/import/delimited.ts';

/**
 * Promise: guessLineBreak returns exactly papaparse 5's own line-break guess for any text.
 *
 * papaparse drops a leading U+FEFF (a byte order mark left in the text, e.g. a file saved with
 * two) before it guesses, so its megabyte window starts one character later.
 */
const papaGuess = (text: string) => Papa.parse<string[]>(text, { preview: 1 }).meta.linebreak;
const mb = 1024 * 1024;

describe("guessLineBreak is papaparse's guess, also after a leading byte order mark", () => {
  it('a quote closed on the last character of the window papaparse reads (BOM first)', () => {
    // papaparse reads characters 1 to 1,048,576: the quoted \r run is closed in it and goes.
    const text = `\uFEFF"${'\r'.repeat(mb - 2)}"`;
    expect(guessLineBreak(text)).toBe(papaGuess(text));
  });

  it('a \\r\\n across the end of the first megabyte, read whole by papaparse (BOM first)', () => {
    // Its \r is the window's last character here, its \n the first past it: papaparse sees both.
    const text = `\uFEFF${'x'.repeat(mb - 2)}\r\n`;
    expect(guessLineBreak(text)).toBe(papaGuess(text));
  });

  it('a text of a byte order mark alone, or with one line break', () => {
    for (const text of ['\uFEFF', '\uFEFF\r', '\uFEFF\r\n', '\uFEFF\n\r'])
      expect(guessLineBreak(text)).toBe(papaGuess(text));
  });
});
