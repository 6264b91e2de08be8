/**
 * A private D-Bus session with a throwaway, unlocked gnome-keyring, for the runs that use the real
 * keychain (`npm test`, `npm run test:e2e`, `npm run model-run`): the developer's own keyring is
 * never touched.
 */

/** One word for sh, single-quoted. */
export const shQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * The argv that runs `cmd` inside such a session, its keyring files in `keyringHome`; `env`: more
 * variables exported inside the session.
 */
export function inKeyringSession(
  keyringHome: string,
  cmd: string[],
  env: Record<string, string> = {},
): [string, ...string[]] {
  const exports = [`XDG_DATA_HOME=${shQuote(keyringHome)}`]
    .concat(Object.entries(env).map(([name, value]) => `${name}=${shQuote(value)}`))
    .join(' ');
  return [
    'dbus-run-session',
    '--',
    'sh',
    '-c',
    `export ${exports}; ` +
      `printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ` +
      `exec ${cmd.map(shQuote).join(' ')}`,
  ];
}
