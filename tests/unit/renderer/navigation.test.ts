import { describe, expect, it } from 'vitest';
import { parseHash, routeToHash, type Route } from '../../../renderer/src/app/navigation.js';

describe('renderer navigation: routes in the URL hash', () => {
  const routes: Route[] = [
    { view: 'library' },
    { view: 'reader', docId: 'b44e6ea7410dd368' },
    { view: 'reader', docId: 'abc', offset: 120, end: 126, flash: true },
    { view: 'compare', docIds: ['a1', 'b2'], offset: 5 },
    { view: 'study', params: { deck: 'nato', mode: 'cloze' } },
    { view: 'notes', params: { docId: 'x' } },
  ];

  it('round-trips every kind of route', () => {
    for (const r of routes) expect(parseHash(routeToHash(r)), routeToHash(r)).toEqual(r);
  });

  it('treats anything unknown or malformed as the library', () => {
    expect(parseHash('')).toEqual({ view: 'library' });
    expect(parseHash('#/nowhere')).toEqual({ view: 'library' });
    expect(parseHash('#/reader/')).toEqual({ view: 'library' });
    expect(parseHash('#/reader/bad id!')).toEqual({ view: 'library' });
  });

  it('drops offsets that are not non-negative integers', () => {
    expect(parseHash('#/reader/abc?at=-4&end=1e9')).toEqual({ view: 'reader', docId: 'abc' });
    expect(parseHash('#/reader/abc?at=12&end=x')).toEqual({ view: 'reader', docId: 'abc', offset: 12 });
  });

  it('keeps only valid document ids in a compare route', () => {
    expect(parseHash('#/compare?docs=a1,../x,b2')).toEqual({ view: 'compare', docIds: ['a1', 'b2'] });
  });
});
