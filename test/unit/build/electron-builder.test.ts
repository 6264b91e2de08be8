import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.json at the project root: the file electron-builder itself looks for
 * (app-builder-lib/out/util/config/load.js: `electron-builder.{yml,json,…}` in the project dir, or
 * package.json's `build` key), so `npm run package` and a plain `npx electron-builder` both use it.
 * What it produces is checked by test/integration/main/packaging.test.ts.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read for its fields
const config: any = JSON.parse(readFileSync('electron-builder.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  author?: string;
  build?: unknown;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const schema = JSON.parse(
  readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8'),
) as object;

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's own schema", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const { $schema: _ignored, ...rest } = config;
    const validate = ajv.compile(schema);
    expect(validate(rest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is the only configuration: no `build` key in package.json competes with the file', () => {
    expect(pkg.build).toBeUndefined();
  });

  it('targets nsis, dmg, AppImage and deb', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('flips the hardening fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar only with integrity, no file:// privileges', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**']);
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('packages the built bundles as main entry, with a product name, an author and an icon', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
    expect(config.productName).toBe('IP Allowlist Manager');
    expect(pkg.author).toMatch(/<.+@.+>/);
    // electron-builder's default icon is <buildResources>/icon.png (converted for mac and win).
    const png = readFileSync(`${config.directories.buildResources}/icon.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it("keeps electron-builder's default deb dependencies (GTK, NSS, xdg-utils, libsecret) instead of replacing them", () => {
    // Setting deb.depends replaces the whole default list (FpmTarget: customDepends ?? defaults).
    expect(config.deb?.depends).toBeUndefined();
    const require = createRequire(import.meta.url);
    const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as {
      default: { prototype: { getDefaultDepends(target: string): string[] } };
    };
    const defaults = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
    // keytar needs libsecret; shell.openExternal needs xdg-utils; Electron needs GTK 3 and NSS.
    expect(defaults).toEqual(
      expect.arrayContaining(['libsecret-1-0', 'xdg-utils', 'libgtk-3-0', 'libnss3']),
    );
  });

  it('npm run package builds first and lets electron-builder load this file', () => {
    for (const name of ['package', 'package:linux', 'package:mac', 'package:win']) {
      expect(pkg.scripts[name]).toMatch(/^npm run build && electron-builder( --\w+)?$/);
    }
  });

  it('ships only run-time externals as dependencies: keytar (everything else is bundled)', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['keytar']);
  });
});
