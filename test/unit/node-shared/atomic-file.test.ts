import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../node-shared/atomic-file.ts';

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    try {
      const path = join(dir, 'state.json');
      await writeFileAtomic(path, 'one');
      await writeFileAtomic(path, 'two');
      expect(await readFile(path, 'utf8')).toBe('two');
      expect(await readdir(dir)).toEqual(['state.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
