import { shell } from 'electron';
import { isAllowedExternalUrl } from '../core/external-links.ts';

/** The one way the app opens a link in the browser: allowlisted https hosts only. */
export async function openExternalLink(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) return;
  await shell.openExternal(url);
}
