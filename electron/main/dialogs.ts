import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { IPC_LIMITS } from '../../shared/contract/ipc.ts';
import type { Dialogs, PickedFile } from '../ipc/deps.ts';
import { AppError } from '../core/errors.ts';
import { saveExportFile } from '../core/save-file.ts';

/** File pickers run in main: the renderer never names a path. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  const pick = async (
    title: string,
    filters: { name: string; extensions: string[] }[],
  ): Promise<PickedFile | null> => {
    const win = window();
    const options = { title, properties: ['openFile' as const], filters };
    const result = win
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    const info = await stat(path);
    if (info.size > IPC_LIMITS.maxImportBytes) {
      const sizeMb = Math.round((info.size / 1048576) * 10) / 10;
      const limitMb = IPC_LIMITS.maxImportBytes / 1048576;
      // `reason` + params: the renderer says it in the UI language (shared/i18n FILE_TOO_LARGE).
      throw new AppError(
        'IMPORT_FAILED',
        { reason: 'FILE_TOO_LARGE', sizeMb, limitMb },
        'FILE_TOO_LARGE',
      );
    }
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  };
  return {
    openImportFile: () =>
      pick('Import addresses', [
        { name: 'Spreadsheets and text', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
        { name: 'All files', extensions: ['*'] },
      ]),
    openLogFile: () =>
      pick('Open a login log', [
        { name: 'Logs', extensions: ['log', 'txt', 'csv'] },
        { name: 'All files', extensions: ['*'] },
      ]),
    async saveFile(defaultName, bytes) {
      const win = window();
      const options = { title: 'Export', defaultPath: defaultName };
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return saveExportFile(result.filePath, bytes);
    },
  };
}
