import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildAllowlistApi } from './api.ts';

/** The only code that touches ipcRenderer/contextBridge: exposes exactly the contract's channels. */
const api = buildAllowlistApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    // Strip the IpcRendererEvent: the page never sees the sender or ipcRenderer.
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('allowlist', api);
