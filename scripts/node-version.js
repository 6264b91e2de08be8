/**
 * The one Node version check of the repository's entry points (npm scripts, the `allowlist` and
 * `allowlist-service` commands). Plain JavaScript with no imports, so that an old Node reaches
 * it and says what is wrong instead of a SyntaxError or "Unknown file extension .ts".
 */

/**
 * Exit with a one-line explanation unless this is Node 24 or newer.
 * @param {string} command what needs it ("allowlist")
 * @param {string} example how to run it inside the repository ("npx allowlist …")
 */
export function requireNode24(command, example) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return;
  console.error(
    `${command} needs Node 24 or newer; this is Node ${process.versions.node}. ` +
      `Inside the repository run it through npm (\`${example}\`): npm install puts Node 24 in node_modules/.bin. ` +
      'Elsewhere install Node 24 (https://nodejs.org/ or `nvm install 24`).',
  );
  process.exit(1);
}
