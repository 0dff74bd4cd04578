import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  isAllowedRequestUrl,
  isRendererUrl,
  isSafeExternalUrl,
  RENDERER_ENTRY_URL,
} from '../../../electron/common/web-policy.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('the Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('has the required directives with exactly these sources', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote origin, wildcard or unsafe keyword anywhere', () => {
    for (const [name, values] of csp) {
      for (const v of values) {
        expect(["'self'", "'none'", 'data:'], `${name} ${v}`).toContain(v);
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|ws:|wss:|blob:/);
    expect(new Set([...csp.keys()]).size).toBe(csp.size);
  });

  it('has a <meta> form that is the same policy without frame-ancestors', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    const withoutAncestors = new Map([...csp].filter(([k]) => k !== 'frame-ancestors'));
    expect(meta).toEqual(withoutAncestors);
  });
});

describe('isAllowedRequestUrl (the session request filter)', () => {
  it('lets through our origin, in-page data and the developer tools', () => {
    for (const url of [
      RENDERER_ENTRY_URL,
      'app://parallax/assets/index-abc.js',
      'app://parallax/fonts/literata.woff2',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://parallax/3f1c2a3e-0d5b-4a53-9d0a-0c6e1c8b4d1e',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
  });

  it('cancels everything that would leave the machine or read other local files', () => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/api/docs.list',
      'http://localhost/',
      'ws://127.0.0.1:9222/',
      'wss://example.org/socket',
      'ftp://example.org/file',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://parallax:81/index.html',
      'blob:https://example.org/uuid',
      'chrome://settings',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('matches isRendererUrl for app:// URLs', () => {
    expect(isRendererUrl('app://parallax/x')).toBe(true);
    expect(isRendererUrl('app://parallax.example/x')).toBe(false);
  });
});

describe('isSafeExternalUrl (links opened in the system browser)', () => {
  it('allows plain http(s) links with a host', () => {
    expect(isSafeExternalUrl('https://www.nato.int/cps/en/natohq/news_209379.htm')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/a?b=c#d')).toBe(true);
  });

  it('refuses other schemes, credentials, hostless and oversized URLs', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'mailto:someone@example.org',
      'app://parallax/index.html',
      'https://user:pass@example.org/',
      'https://user@example.org/',
      'https://',
      `https://example.org/${'a'.repeat(3000)}`,
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
