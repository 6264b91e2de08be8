import { IPC_LIMITS, type IpcError, type IpcResult } from '../shared/contract/ipc.ts';
import { formatMessage } from '../shared/i18n/messages.ts';

/**
 * The wire between the browser page (host/page) and the browser-mode server (host/server).
 *
 * Pure: no Node, no DOM. Both sides import these names, so a path or header is spelled once.
 */

/** Routes of the server besides the built renderer's files. */
export const HOST_PATHS = {
  /** `POST /__host/invoke/<channel>`: one IPC call. */
  invoke: '/__host/invoke/',
  /** `GET /__host/events`: an event stream read with fetch (the renderer's `allowlist.on`). */
  events: '/__host/events',
  /** `GET /__host/download/<id>`: an export, once. */
  download: '/__host/download/',
  /** The page bridge script (built by host/server/build-page.ts). */
  bridge: '/__host/bridge.js',
} as const;

/**
 * The connection token travels as `Authorization: Bearer <token>` on every API request (never
 * in a cookie: cookies are not separated by port). The printed URL carries it in the fragment
 * (`#token=…`, never sent to a server nor in a Referer); the bridge keeps it in the tab's
 * sessionStorage (scoped to this origin, port included) under TOKEN_STORAGE_KEY.
 */
export const TOKEN_SCHEME = 'Bearer';
/** The fragment parameter of the printed URL. */
export const TOKEN_FRAGMENT = 'token';
/** The sessionStorage key the bridge keeps the token under. */
export const TOKEN_STORAGE_KEY = 'allowlist-token';

/** Headers of an invoke request whose body is a file's bytes. */
export const HOST_HEADERS = {
  /** The call's input without the bytes: encodeURIComponent(JSON). */
  input: 'x-allowlist-input',
  /** encodeURIComponent(file name) of a file picked in the browser. */
  fileName: 'x-allowlist-file-name',
  /** What the bytes are: `picked` (the file a dialog would have chosen) or `input.bytes`. */
  fileRole: 'x-allowlist-file-role',
} as const;

/** What the bytes of an octet-stream invoke request stand for. */
export type FileRole = 'picked' | 'input.bytes';

/** Channels whose handler opens a main-process file dialog: the page picks the file instead. */
export const PICKER_CHANNELS: readonly string[] = ['import:open', 'preview:impact'];

/** Largest JSON body of an invoke request (a full list with every memo fits many times). */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;

/** What the server answers to an invoke request. */
export type InvokeReply = {
  result: IpcResult<unknown>;
  /** An export the page hands to the browser as a download. */
  download?: { id: string; name: string };
};

function toMb(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}

/**
 * The error of a file over the import limit, shaped exactly like the desktop dialog's
 * (code IMPORT_FAILED, reason FILE_TOO_LARGE): the renderer words it in the UI language.
 */
export function fileTooLargeError(size: number): IpcError {
  const params = {
    reason: 'FILE_TOO_LARGE',
    sizeMb: toMb(size),
    limitMb: IPC_LIMITS.maxImportBytes / 1048576,
  };
  return {
    code: 'IMPORT_FAILED',
    message: formatMessage('FILE_TOO_LARGE', params, 'en') ?? 'The file is too large.',
    params,
  };
}
