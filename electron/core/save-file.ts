import { basename } from 'node:path';
import { writeFileAtomic } from '../../node-shared/atomic-file.ts';
import { AppError } from './errors.ts';

/**
 * Write an export to the path the user chose in the save dialog, all or nothing.
 *
 * The bytes go to a temporary sibling that is renamed over the target, so a failure (disk full,
 * file size limit, permission) leaves the previous file exactly as it was, never half an export.
 * The failure is an EXPORT_FAILED naming the file; the path itself stays in main.
 */
export async function saveExportFile(path: string, bytes: Uint8Array): Promise<{ name: string }> {
  const name = basename(path);
  try {
    // 0o666 before the umask: an export is an ordinary document the user may share.
    await writeFileAtomic(path, bytes, { mode: 0o666 });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new AppError(
      'EXPORT_FAILED',
      { file: name, reason: typeof code === 'string' ? code : 'unknown' },
      'EXPORT_NOT_WRITTEN',
    );
  }
  return { name };
}
