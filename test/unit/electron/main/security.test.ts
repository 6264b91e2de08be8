import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  mimeType,
  resolveAppFile,
  secureWebPreferences,
} from '../../../../electron/main/security.ts';
import { isAllowedExternalUrl } from '../../../../electron/core/external-links.ts';

describe('window security policy', () => {
  it('sandboxes and isolates every window; DevTools only when not packaged', () => {
    expect(secureWebPreferences('/p.cjs', true)).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
  });

  it('has a strict CSP without unsafe-eval or unsafe-inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/);
  });

  it('loads from the custom protocol, not file://, and navigates nowhere else', () => {
    expect(APP_ENTRY.startsWith('app://allowlist/')).toBe(true);
    expect(isAppUrl('app://allowlist/index.html#/x')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'https://evil.example/',
      'app://other/index.html',
      'javascript:alert(1)',
      'nonsense',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/app/renderer';
    expect(resolveAppFile('app://allowlist/', root)).toBe('/opt/app/renderer/index.html');
    expect(resolveAppFile('app://allowlist/assets/a.js?x=1', root)).toBe(
      '/opt/app/renderer/assets/a.js',
    );
    // URL parsing already folds a literal `..` into the root.
    expect(resolveAppFile('app://allowlist/../secret', root)).toBe('/opt/app/renderer/secret');
    for (const url of [
      'app://allowlist/a%2f..%2f..%2f..%2fetc/passwd',
      'app://allowlist/a%5c..%5c..%5cx',
      'app://allowlist/a%00.js',
      'app://evil/index.html',
      'file:///opt/app/renderer/index.html',
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull();
    }
    expect(mimeType('/x/a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('/x/a.exe')).toBe('application/octet-stream');
  });

  it('opens only allowlisted https links externally', () => {
    expect(
      isAllowedExternalUrl(
        'https://jp.cybozu.help/general/ja/admin/list_security/ip_restriction.html',
      ),
    ).toBe(true);
    for (const url of [
      'http://cybozu.com/',
      'https://cybozu.com.evil.example/',
      'https://user:pw@cybozu.com/',
      'file:///etc/passwd',
      'https://evil.example/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});
