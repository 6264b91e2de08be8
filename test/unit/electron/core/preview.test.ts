import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeImpact } from '../../../../electron/core/preview.ts';
import { DRAFT as draft, LIVE as live } from '../../support/preview-lists.ts';

describe('preview', () => {
  it('counts who would lose access in a login log, plain or gzip', async () => {
    const log = [
      '2026-11-24 login ok user=a ip=203.0.113.5',
      'login ok ip=203.0.113.200',
      'login ok ip=203.0.113.200',
      'login ok 198.51.100.7',
      'bad 999.1.1.1',
      'other 192.0.2.1',
    ].join('\n');
    const impact = await analyzeImpact('auth.log', new TextEncoder().encode(log), draft, live);
    expect(impact).toMatchObject({
      lines: 6,
      addresses: 4,
      losingAccess: 2,
      gainingAccess: 0,
      deniedByDraft: 3,
    });
    expect(impact.topDenied[0]).toEqual({ ip: '203.0.113.200', count: 2, allowedLive: true });
    expect(impact.topDenied.at(-1)).toEqual({ ip: '192.0.2.1', count: 1, allowedLive: false });
    // The same log gzipped, under a name that does not say so: the bytes decide.
    expect(await analyzeImpact('auth.log.1', gzipSync(log), draft, live)).toEqual({
      ...impact,
      fileName: 'auth.log.1',
    });
  });
});
