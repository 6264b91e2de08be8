import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { LogScanner } from '../../../../shared/log/scanner.ts';
import { scanOracle } from '../../support/log-oracle.ts';

/**
 * The scanner's hot loop (an address parsed inline at the line start, bounds checks only near a
 * chunk's end) against a straightforward reference on random logs: split on "\n", take the first
 * dotted quad not glued to other digits or dots, build it with ipaddr.js. Octets are decimal, a
 * zero-padded `010` is 10, as the scanner documents (ipaddr.js's own parse would read it as
 * octal, so the reference hands ipaddr.js the numbers).
 */

/** The reference, its addresses built by ipaddr.js from the numbers. */
const reference = (text: string, maxLine: number) =>
  scanOracle(text, maxLine, (octets) => new ipaddr.IPv4(octets).toString());

function scan(text: string, cuts: number[], maxLineBytes: number, asBuffer: boolean) {
  const all = new TextEncoder().encode(text);
  const scanner = new LogScanner({ maxLineBytes });
  let at = 0;
  for (let i = 0; at < all.length; i++) {
    const part = all.subarray(at, at + (cuts[i % cuts.length] as number));
    scanner.push(asBuffer ? Buffer.from(part) : part);
    at += part.length;
  }
  const { lines, addresses, overlongLines, table } = scanner.end();
  const counts = new Map<string, number>();
  table.forEach((v, n) =>
    counts.set(
      ipaddr.fromByteArray([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]).toString(),
      n,
    ),
  );
  return { lines, addresses, overlongLines, table: counts };
}

const octet = fc.oneof(
  fc.nat(255).map(String),
  fc.nat(999).map(String),
  fc.nat(99).map((n) => String(n).padStart(3, '0')),
);
const tail = fc.constantFrom(
  '',
  ' - - [24/Nov/2026:09:00:00 +0900] "GET /a.b HTTP/1.1" 200 12 "-" "Mozilla/5.0"',
  '\r',
  ' x\r',
  '.5 x',
  '.',
  '5',
  ':443 ok',
  ' then 8.8.4.4',
);
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.array(octet, { minLength: 1, maxLength: 5 }), tail)
      .map(([o, t]) => o.join('.') + t),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('1', '25', '0', '9', '.', ' ', 'a', '\r', '203.0.113.9', '256'), {
        maxLength: 24,
      })
      .map((c) => c.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '\r', 'x'.repeat(120), `198.51.100.7 ${'y'.repeat(120)}`),
  },
);

describe('LogScanner against an ipaddr.js reference', () => {
  it('gives the same lines, addresses, skipped lines and per-address counts on random logs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 200 }),
        fc.boolean(),
        // Read sizes from one byte (every line cut) to several kilobytes (the unchecked path).
        fc.array(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 8192 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom(64, 100, 65536),
        fc.boolean(),
        (lines, lastNewline, cuts, maxLineBytes, asBuffer) => {
          const text = lines.join('\n') + (lastNewline && lines.length > 0 ? '\n' : '');
          expect(scan(text, cuts, maxLineBytes, asBuffer)).toEqual(reference(text, maxLineBytes));
        },
      ),
      { numRuns: 400 },
    );
  });
});
