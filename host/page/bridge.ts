import { IPC_LIMITS, type IpcResult } from '../../shared/contract/ipc.ts';
import { buildAllowlistApi } from '../../electron/preload/api.ts';
import {
  HOST_HEADERS,
  HOST_PATHS,
  PICKER_CHANNELS,
  TOKEN_FRAGMENT,
  TOKEN_SCHEME,
  TOKEN_STORAGE_KEY,
  fileTooLargeError,
  type FileRole,
  type InvokeReply,
} from '../protocol.ts';

/**
 * Browser mode's stand-in for the preload: `window.allowlist` built from the contract by the
 * same buildAllowlistApi, over the page's own server (host/server). The connection token comes in
 * the printed URL's fragment; the bridge keeps it in this tab's sessionStorage (a reload keeps
 * working), takes it out of the address bar, and sends it as `Authorization: Bearer …` on every
 * call (fetch POSTs), on the event stream (a streamed fetch: EventSource cannot send headers) and
 * on downloads (fetched, then saved from a Blob URL). Where the desktop app
 * shows a main-process file dialog, the browser's own file picker chooses the file; an export
 * becomes a download.
 */

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

/** The token from the fragment (then kept for reloads and removed from the address bar). */
function takeToken(): string | null {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const given = fragment.get(TOKEN_FRAGMENT);
  if (given) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, given);
    fragment.delete(TOKEN_FRAGMENT);
    const rest = fragment.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
    );
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

const token = takeToken();
const auth: Record<string, string> = token ? { Authorization: `${TOKEN_SCHEME} ${token}` } : {};

function dispatch(frame: string): void {
  const data = frame
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length))
    .join('\n');
  if (!data) return;
  const { event, payload } = JSON.parse(data) as { event: string; payload: unknown };
  listeners.get(event)?.forEach((listener) => listener(payload));
}

/** The event stream (frames `data: …` separated by a blank line), reconnecting like EventSource. */
async function listen(): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(HOST_PATHS.events, { headers: auth, cache: 'no-store' });
      if (response.status === 401 || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          dispatch(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
      }
    } catch {
      // The server went away: try again, as EventSource would.
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}
void listen();

/** Fetch an export with the token and hand it to the browser as a download. */
async function download(id: string, name: string): Promise<void> {
  const response = await fetch(`${HOST_PATHS.download}${encodeURIComponent(id)}`, {
    headers: auth,
  });
  if (!response.ok) return;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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

/**
 * Set once the page is going away (reload, close): a call made then (the editor's last autosave)
 * is sent with keepalive so that it outlives the page. Registered at load, before the app's own
 * pagehide listeners, so they see it set. Keepalive bodies are limited (64 KiB in all), hence only
 * then and only for a body that fits.
 */
let leaving = false;
window.addEventListener('pagehide', () => (leaving = true));
window.addEventListener('pageshow', () => (leaving = false));
const KEEPALIVE_MAX_CHARS = 60_000;

async function post(channel: string, body: BodyInit, headers: Record<string, string>) {
  let response: Response;
  try {
    response = await fetch(`${HOST_PATHS.invoke}${encodeURIComponent(channel)}`, {
      method: 'POST',
      body,
      headers: { ...headers, ...auth },
      credentials: 'omit',
      keepalive: leaving && typeof body === 'string' && body.length <= KEEPALIVE_MAX_CHARS,
    });
  } catch (error) {
    return unreachable(error instanceof Error ? error.message : 'network error');
  }
  if (response.status === 401) {
    return unreachable(
      'this tab has no valid access token: open the URL that `npm start -- --browser` printed',
    );
  }
  let reply: InvokeReply;
  try {
    reply = (await response.json()) as InvokeReply;
  } catch {
    return unreachable(`status ${response.status}`);
  }
  if (reply.download) await download(reply.download.id, reply.download.name);
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
