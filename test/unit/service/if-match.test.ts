import { describe, expect, it } from 'vitest';
import { ifMatchAllows, parseIfMatch } from '../../../service/if-match.ts';

describe('If-Match (RFC 9110 §13.1.1, strong comparison)', () => {
  it.each([
    ['"7"', true],
    [' "7" ', true],
    ['"6", "7"', true],
    ['"6",,"7"', true],
    ['*', true],
    ['W/"7"', false],
    ['W/"7", "8"', false],
    ['"8"', false],
  ])('%s on revision 7 -> %s', (header, allowed) =>
    expect(ifMatchAllows(parseIfMatch(header)!, '7')).toBe(allowed),
  );
  it.each(['7', '"7', 'W/7', '"7" "8"', ',', 'w/"7"', '"a"b"'])(
    '%s is not an If-Match value',
    (header) => expect(parseIfMatch(header)).toBeNull(),
  );
});
