import { exportEntries, leftOutEntries, refusedEntries } from '../../../shared/export/index.ts';
import { AppError } from '../../core/errors.ts';
import { analyzeImpact } from '../../core/preview.ts';
import type { Handlers } from '../handle.ts';
import type { MainServices } from '../services.ts';

type FileAreas = `${'import' | 'export' | 'preview'}:${string}` & keyof Handlers;

/** import:*, export:*, preview:* (files are chosen in main-process dialogs, never by path). */
export function fileHandlers(s: MainServices): Pick<Handlers, FileAreas> {
  return {
    'import:open': async ({ jobId, options }, ctx) => {
      const file = await s.dialogs.openImportFile();
      if (!file) return { canceled: true as const };
      return s.imports.run(jobId, file.name, file.bytes, options ?? {}, (p) =>
        ctx.emit('import:progress', { jobId, ...p }),
      );
    },
    'import:bytes': async ({ jobId, fileName, bytes, options }, ctx) =>
      s.imports.run(jobId, fileName, bytes, options ?? {}, (p) =>
        ctx.emit('import:progress', { jobId, ...p }),
      ),
    'import:reparse': async ({ jobId, newJobId, options }, ctx) =>
      s.imports.reparse(jobId, newJobId, options, (p) =>
        ctx.emit('import:progress', { jobId: newJobId, ...p }),
      ),
    'import:cancel': async ({ jobId }) => ({ canceled: s.imports.cancel(jobId) }),
    'export:save': async ({ profileId, format, source, leftOut: choice }) => {
      const draft = s.drafts.get(profileId);
      const entries = source === 'working' ? draft.working.entries : (draft.base?.entries ?? null);
      if (!entries) throw new AppError('NOT_PULLED');
      let out: Awaited<ReturnType<typeof exportEntries>>;
      try {
        out = await exportEntries(
          entries,
          format,
          choice === 'replace' ? { replaceUnencodable: true } : {},
        );
      } catch (error) {
        throw new AppError('EXPORT_FAILED', {
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      // A file missing entries is never written unless the user chose so: uploaded as the
      // service's CSV it would remove their addresses.
      const leftOut = leftOutEntries(out.problems);
      const policy = choice === 'drop' ? { dropUnencodable: true, dropErrors: true } : {};
      if (refusedEntries(leftOut, policy).length > 0) {
        return {
          canceled: false as const,
          refused: true as const,
          entries: entries.length,
          leftOut: leftOut.map((l) => ({ index: l.index, reason: l.reason })),
          problems: out.problems,
        };
      }
      const ext = format === 'xlsx' ? 'xlsx' : 'csv';
      const saved = await s.dialogs.saveFile(`ip-allowlist.${ext}`, out.bytes);
      if (!saved) return { canceled: true as const };
      return {
        canceled: false as const,
        fileName: saved.name,
        entries: entries.length,
        written: out.written,
        problems: out.problems,
      };
    },
    'preview:impact': async ({ profileId }) => {
      const draft = s.drafts.get(profileId);
      const file = await s.dialogs.openLogFile();
      if (!file) return { canceled: true as const };
      return analyzeImpact(
        file.name,
        file.bytes,
        draft.working,
        draft.base ? { mode: draft.base.mode, entries: draft.base.entries } : null,
      );
    },
  };
}
