import { describe, expect, it } from 'vitest';
import { senderFactsOf, type InvokeEventLike } from '../../../electron/main/ipc.js';
import { senderRejection, type SenderFacts } from '../../../electron/main/sender-check.js';

const WINDOW = { webContentsId: 7 };
const ours = (over: Partial<SenderFacts> = {}): SenderFacts => ({
  webContentsId: 7,
  frame: { url: 'app://parallax/index.html#/reader/abc', isMainFrame: true },
  ...over,
});

describe('senderRejection', () => {
  it('accepts the main frame of our window showing our renderer', () => {
    expect(senderRejection(ours(), WINDOW)).toBeNull();
    expect(senderRejection(ours({ frame: { url: 'app://parallax/', isMainFrame: true } }), WINDOW)).toBeNull();
  });

  it('refuses every other sender', () => {
    const cases: Array<[string, SenderFacts, { webContentsId: number | null }]> = [
      ['no window yet', ours(), { webContentsId: null }],
      ['another web contents', ours({ webContentsId: 8 }), WINDOW],
      ['a frame that has gone', ours({ frame: null }), WINDOW],
      ['a subframe', ours({ frame: { url: 'app://parallax/index.html', isMainFrame: false } }), WINDOW],
      ['a remote page', ours({ frame: { url: 'https://parallax/index.html', isMainFrame: true } }), WINDOW],
      ['a file:// page', ours({ frame: { url: 'file:///work/main/dist/renderer/index.html', isMainFrame: true } }), WINDOW],
      ['another app:// host', ours({ frame: { url: 'app://evil/index.html', isMainFrame: true } }), WINDOW],
      ['a look-alike host', ours({ frame: { url: 'app://parallax.evil/index.html', isMainFrame: true } }), WINDOW],
      ['credentials in the URL', ours({ frame: { url: 'app://x@parallax/index.html', isMainFrame: true } }), WINDOW],
      ['a port', ours({ frame: { url: 'app://parallax:8080/index.html', isMainFrame: true } }), WINDOW],
      ['about:blank', ours({ frame: { url: 'about:blank', isMainFrame: true } }), WINDOW],
      ['a data: URL', ours({ frame: { url: 'data:text/html,<p>hi</p>', isMainFrame: true } }), WINDOW],
      ['devtools', ours({ frame: { url: 'devtools://devtools/bundled/inspector.html', isMainFrame: true } }), WINDOW],
      ['not a URL', ours({ frame: { url: 'not a url', isMainFrame: true } }), WINDOW],
    ];
    for (const [label, facts, trusted] of cases) {
      expect(senderRejection(facts, trusted), label).toEqual(expect.any(String));
    }
  });
});

describe('senderFactsOf', () => {
  const mainFrame = { url: 'app://parallax/index.html', parent: null };
  const event = (senderFrame: unknown): InvokeEventLike => ({ sender: { id: 7, mainFrame }, senderFrame }) as unknown as InvokeEventLike;

  it('reads the main frame as the main frame', () => {
    expect(senderFactsOf(event(mainFrame))).toEqual({ webContentsId: 7, frame: { url: 'app://parallax/index.html', isMainFrame: true } });
  });

  it('reads an iframe (same URL, has a parent) as a subframe', () => {
    const child = { url: 'app://parallax/index.html', parent: mainFrame };
    expect(senderFactsOf(event(child)).frame).toEqual({ url: 'app://parallax/index.html', isMainFrame: false });
  });

  it('reads a destroyed frame as none', () => {
    expect(senderFactsOf(event(null)).frame).toBeNull();
  });
});
