import { describe, expect, it } from 'vitest';
import { articlesDir, scoreArticles, wordF1, type PageScore } from '../../../bench/sections/articles.js';

// The HTML import against 24 real news pages (../shared/data/articles-dev, third-party data
// read in place). Skipped, saying so, on a machine without that folder.
const dir = articlesDir();

// Each page's headline as the page shows it (looked at by hand: the article's <h1>, or for
// pages without one the declared title without the site's name).
const HEADLINES: Record<string, string> = {
  '7a457a4f': 'New York man pleads guilty to threatening to kill Rep. Ilhan Omar',
  '785affa2': 'Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct',
  '360c732d': 'Alibaba to raise up to $12.9bn in landmark Hong Kong listing',
  '14cc2a0c': "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa",
  '8b194530': 'Hunter diagnosed with bubonic plague after eating a rabbit making him third Beijing local to contract medieval disease',
  '82b6d780': 'Unpredictable Sondland faces questions about Trump, Ukraine',
  c7e39ac4: 'Julian Assange: Sweden drops rape investigation',
  '5fa3154e': 'The Guardian view on Hong Kong: a city on the brink',
  d1c57d78: 'NASA adds five companies to commercial lunar lander program',
  e1c7023e: 'Hibernating astronauts would need smaller spacecraft',
  '0d461229': 'Nadal keeps Spain alive against Russia in Davis Cup Finals',
  '7de52419': 'Thousands of teachers pack Indiana Statehouse for protest',
  '833caf3b': 'World Community Lashes Out at US for No Longer Considering Israeli Settlements Illegal',
  '65408257': 'Economy in stress and markets on a high; time to be careful?',
  '702d1da6': 'Trump’s Made-for-TV Trade War Keeps World Guessing',
  '8634d121': 'Column: The Gannett/GateHouse merger sends a dismal signal about the future of local news',
  '2f42ef1d': "The Future of Banking Is … You're Broke",
  b6906ca0: 'PolitiFact’s guide to understanding tariffs and international trade',
  c00962aa: 'Seeking a bigger role for a big rocket',
  '16c30add': 'The law that’s helping fuel Delhi’s deadly air pollution',
  '0ec95c72': '엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유',
  c82b3d1d: '53-летняя модель: «Посмотри на красотку, которая превратилась в старуху»',
  '20b2b649': 'Black Friday per nostalgici: le occasioni da non perdere',
  '57b4dafd': 'Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen',
};
const LANGUAGES: Record<string, string> = { '0ec95c72': 'ko', c82b3d1d: 'ru', '20b2b649': 'it', '57b4dafd': 'de' };

describe('word-level F1', () => {
  it('counts repeated words as often as they occur', () => {
    expect(wordF1('the cat the cat', 'the cat').precision).toBe(0.5);
    expect(wordF1('The cat.', 'the CAT').f1).toBe(1);
    expect(wordF1('', 'words').f1).toBe(0);
  });
});

describe.skipIf(!dir)('HTML import on the articles-dev pages', () => {
  let scores: PageScore[] = [];
  it('imports every page', async () => {
    scores = await scoreArticles(dir!);
    expect(scores).toHaveLength(24);
  }, 120_000);

  it('keeps the article: mean word F1 at least 0.95, no page below 0.80', () => {
    const mean = scores.reduce((a, s) => a + s.f1, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(0.95);
    for (const s of scores) expect({ host: s.host, f1: s.f1 >= 0.8 }).toEqual({ host: s.host, f1: true });
  });

  it('titles each page with its headline, not the site name', () => {
    for (const s of scores) expect({ id: s.id.slice(0, 8), title: s.title }).toEqual({ id: s.id.slice(0, 8), title: HEADLINES[s.id.slice(0, 8)] });
  });

  it('reads the language from the words (a German post on a site tagged "en" is German)', () => {
    for (const s of scores) expect({ host: s.host, language: s.language }).toEqual({ host: s.host, language: LANGUAGES[s.id.slice(0, 8)] ?? 'en' });
  });
});

if (!dir) {
  describe('HTML import on the articles-dev pages', () => {
    it.skip('skipped: ../shared/data/articles-dev is absent on this machine', () => {});
  });
}
