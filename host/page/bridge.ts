import { IPC_LIMITS, type IpcResult } from '../../shared/contract/ipc.ts';
import { buildAllowlistApi } from '../../electron/preload/api.ts';
import {
  HOST_HEADERS,
  HOST_PATHS,
  PICKER_CHANNELS,
  fileTooLargeError,
  type FileRole,
  type InvokeReply,
} from '../protocol.ts';

/**
 * Browser mode's stand-in for the preload: `window.allowlist` built from the contract by the
 * same buildAllowlistApi, over the page's own server (host/server). Calls are fetch POSTs (the
 * HttpOnly cookie authenticates them), events arrive over EventSource. Where the desktop app
 * shows a main-process file dialog, the browser's own file picker chooses the file; an export
 * becomes a download.
 */

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

const events = new EventSource(HOST_PATHS.events);
events.onmessage = (message: MessageEvent<string>) => {
  const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
  listeners.get(event)?.forEach((listener) => listener(payload));
};

/** The browser's file picker; null when the user canceled. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function unreachable(detail: string): IpcResult<unknown> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `The app's local server did not answer (${detail}). If it was restarted, open the new URL it printed.`,
    },
  };
}

async function post(channel: string, body: BodyInit, headers: Record<string, string>) {
  let response: Response;
  try {
    response = await fetch(`${HOST_PATHS.invoke}${encodeURIComponent(channel)}`, {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
    });
  } catch (error) {
    return unreachable(error instanceof Error ? error.message : 'network error');
  }
  let reply: InvokeReply;
  try {
    reply = (await response.json()) as InvokeReply;
  } catch {
    return unreachable(`status ${response.status}`);
  }
  if (reply.download) {
    const link = document.createElement('a');
    link.href = `${HOST_PATHS.download}${reply.download.id}`;
    link.download = reply.download.name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  }
  if (reply.open) window.open(reply.open, '_blank', 'noopener,noreferrer');
  return reply.result;
}

function postFile(channel: string, input: object, file: Blob, name: string, role: FileRole) {
  if (file.size > IPC_LIMITS.maxImportBytes) {
    return Promise.resolve<IpcResult<unknown>>({ ok: false, error: fileTooLargeError(file.size) });
  }
  return post(channel, file, {
    'Content-Type': 'application/octet-stream',
    [HOST_HEADERS.input]: encodeURIComponent(JSON.stringify(input)),
    [HOST_HEADERS.fileName]: encodeURIComponent(name),
    [HOST_HEADERS.fileRole]: role,
  });
}

async function invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  if (PICKER_CHANNELS.includes(channel)) {
    const file = await pickFile();
    if (file) return postFile(channel, input as object, file, file.name, 'picked');
  }
  if ((input as { bytes?: unknown } | null)?.bytes instanceof Uint8Array) {
    const { bytes, ...rest } = input as { bytes: Uint8Array<ArrayBuffer> };
    return postFile(channel, rest, new Blob([bytes]), '', 'input.bytes');
  }
  return post(channel, JSON.stringify(input ?? {}), { 'Content-Type': 'application/json' });
}

const api = buildAllowlistApi(invoke, (event, listener) => {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
  };
});
for (const group of Object.values(api)) if (typeof group === 'object') Object.freeze(group);
Object.defineProperty(window, 'allowlist', { value: Object.freeze(api) });
