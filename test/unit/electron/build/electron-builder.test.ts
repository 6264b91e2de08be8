import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read for its fields
const config: any = JSON.parse(readFileSync('build/electron-builder.json', 'utf8'));
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
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('packages the built bundles as main entry', () => {
    expect(config.extraMetadata.main).toBe(JSON.parse(readFileSync('package.json', 'utf8')).main);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
  });
});
