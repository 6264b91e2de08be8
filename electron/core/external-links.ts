/**
 * The one allowlist for links opened in the user's browser.
 *
 * Only https, only these hosts (help pages of the service). Everything else is refused.
 */
export const EXTERNAL_HOSTS = [
  'cybozu.com',
  'jp.cybozu.help',
  'cybozu.dev',
  'kintone.dev',
  'github.com',
] as const;

export function isAllowedExternalUrl(
  url: string,
  hosts: readonly string[] = EXTERNAL_HOSTS,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')
    return false;
  return hosts.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`));
}
