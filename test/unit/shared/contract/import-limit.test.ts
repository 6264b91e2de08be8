import { describe, expect, it } from 'vitest';
import { IPC_LIMITS } from '../../../../shared/contract/ipc-schemas.ts';
import { formatMessage } from '../../../../shared/i18n/messages.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../../shared/import/index.ts';

describe('import size limit', () => {
  it('is the same over IPC (renderer, dialog) as in the import itself', () => {
    // Otherwise a file between the two is refused with one number by the renderer and another
    // by the worker.
    expect(IPC_LIMITS.maxImportBytes).toBe(DEFAULT_IMPORT_LIMITS.maxFileBytes);
  });

  it('names the limit in Japanese when a file is too large', () => {
    expect(
      formatMessage(
        'FILE_TOO_LARGE',
        { sizeMb: 51, limitMb: IPC_LIMITS.maxImportBytes / 1024 / 1024 },
        'ja',
      ),
    ).toBe(
      'ファイルのサイズ（51 MB）が、インポートできる上限の 50 MB を超えています。ファイルを分割するか、不要な行や列を削除してから、もう一度インポートしてください。',
    );
  });
});

describe('IMPORT_FAILED (worker crash, unexpected error)', () => {
  it('has an English and a Japanese sentence', () => {
    expect(formatMessage('IMPORT_FAILED', undefined, 'en')).toBe(
      'The import stopped unexpectedly; your list is unchanged.',
    );
    expect(formatMessage('IMPORT_FAILED', undefined, 'ja')).toBe(
      'インポートが予期せず停止しました。下書きは変わっていません。もう一度インポートしてください。',
    );
  });
});
