import type { AnswerSpan, UnitInfo } from '../analysis.js';
import { quantityKey } from '../quantities.js';
import { contentWords, foldPhrase, jaccard, sha1 } from '../text.js';
import type { GeneratedCard } from '../generate.js';
import { groupUnits, type AssembleContext } from './assemble.js';
import type { StatementGroup } from './crossdoc.js';
import { scoreCandidate } from './candidates.js';
import { BLANK, MAX_PROMPT_CHARS } from './hygiene.js';
import { siblingKeys } from './siblings.js';
import { sourceLabel } from '../sourceLabel.js';

// Cards of a statement several documents carry: which sources report it (choose all that
// apply, short source labels), and what each says where they give a different figure or date
// for the same event. Made by the group's owner (its first document by id).

export interface SourceLabelInput {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
}

export { sourceLabel };

/** Labels that tell every document apart. */
export function sourceLabels(docs: readonly SourceLabelInput[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const d of docs) {
    const l = sourceLabel(d);
    seen.set(l, (seen.get(l) ?? 0) + 1);
  }
  for (const d of docs) {
    const l = sourceLabel(d);
    out.set(d.id, (seen.get(l) ?? 0) > 1 ? `${l} (${d.id.slice(0, 4)})` : l);
  }
  return out;
}

export interface GroupContext extends AssembleContext {
  labels: ReadonlyMap<string, string>;
  /** Related documents of a document (distractor sources for which-sources). */
  related(docId: string): readonly string[];
}

const MAX_OPTIONS = 6;

function best(units: UnitInfo[], ctx: AssembleContext): UnitInfo | null {
  let top: UnitInfo | null = null;
  let topScore = -Infinity;
  for (const u of units) {
    const c = scoreCandidate(u, { carriedBy: () => 2 });
    if (c && c.score > topScore) {
      top = u;
      topScore = c.score;
    }
  }
  void ctx;
  return top;
}

/** Which sources report this statement: choose all that apply. */
export function whichSourcesCard(group: StatementGroup, ctx: GroupContext): GeneratedCard | null {
  const units = groupUnits(ctx, group);
  const rep = best(units, ctx);
  if (!rep || rep.unit.text.length > MAX_PROMPT_CHARS - 60) return null;
  const cand0 = scoreCandidate(rep, { carriedBy: () => 2 });
  if (!cand0?.kind) return null;
  const carrying = [...new Set(units.map((u) => u.unit.docId))].sort();
  if (carrying.length < 2) return null;
  const others = [...new Set(carrying.flatMap((d) => ctx.related(d)))].filter((d) => !carrying.includes(d)).sort();
  const optionDocs = [...carrying.slice(0, MAX_OPTIONS - 1), ...others].slice(0, Math.max(3, Math.min(MAX_OPTIONS, carrying.length + 2)));
  if (optionDocs.length < 3) return null;
  const label = (id: string): string => ctx.labels.get(id) ?? id;
  const answers = carrying.filter((d) => optionDocs.includes(d)).map(label);
  const options = optionDocs.map(label).sort((a, b) => sha1(`${group.id}|${a}`).localeCompare(sha1(`${group.id}|${b}`)));
  const cand = scoreCandidate(rep, { carriedBy: () => carrying.length });
  return {
    fingerprint: sha1(`which|${foldPhrase(rep.unit.text)}`),
    kind: 'which-sources',
    prompt: `Which sources report this? “${rep.unit.text.replace(/^[“"]+|[”"]+$/gu, '')}”`,
    answer: answers.join('; '),
    alternatives: [],
    options,
    answers,
    passage: rep.unit.text,
    answerKey: `sources:${carrying.join(',')}`,
    sources: units.map((u) => ({ docId: u.unit.docId, start: u.unit.start, end: u.unit.end })),
    score: Math.round(((cand?.score ?? 0) + 1) * 100) / 100,
    reasons: [`carried by ${carrying.length} sources`],
    siblingKeys: siblingKeys(units, [group.id], []),
    ownerDoc: group.docs[0] as string,
  };
}

const FAMILY: Partial<Record<AnswerSpan['type'], 'amount' | 'date'>> = { money: 'amount', number: 'amount', date: 'date', year: 'date' };

function valuesOf(u: UnitInfo, family: 'amount' | 'date'): Map<string, AnswerSpan> {
  const out = new Map<string, AnswerSpan>();
  for (const s of u.spans) if (FAMILY[s.type] === family) out.set(quantityKey(s.text) ?? s.key, s);
  return out;
}

function hasEquivalent(values: Map<string, AnswerSpan>, key: string): boolean {
  if (values.has(key)) return true;
  for (const k of values.keys()) if (k.includes(key) || key.includes(k)) return true;
  return false;
}

function restOf(u: UnitInfo, spans: AnswerSpan[]): Set<string> {
  let t = u.unit.text;
  for (const s of [...spans].sort((p, q) => q.start - p.start)) t = t.slice(0, s.start) + ' ' + t.slice(s.end);
  return new Set(contentWords(t));
}

/** Where two sources give a different figure or date for the same statement: what does each give? */
export function disagreementCards(group: StatementGroup, ctx: GroupContext): GeneratedCard[] {
  const units = groupUnits(ctx, group);
  const out: GeneratedCard[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const x = units[i] as UnitInfo;
      const y = units[j] as UnitInfo;
      if (x.unit.docId === y.unit.docId) continue;
      for (const family of ['amount', 'date'] as const) {
        if (reported.has(family)) continue;
        const vx = valuesOf(x, family);
        const vy = valuesOf(y, family);
        const onlyX = [...vx.entries()].filter(([k]) => !hasEquivalent(vy, k));
        const onlyY = [...vy.entries()].filter(([k]) => !hasEquivalent(vx, k));
        if (!onlyX.length || !onlyY.length) continue;
        if (jaccard(restOf(x, onlyX.map((e) => e[1])), restOf(y, onlyY.map((e) => e[1]))) < 0.3) continue;
        const [kx, sx] = onlyX[0] as [string, AnswerSpan];
        const [ky, sy] = onlyY[0] as [string, AnswerSpan];
        reported.add(family);
        const lx = ctx.labels.get(x.unit.docId) ?? x.unit.docId;
        const ly = ctx.labels.get(y.unit.docId) ?? y.unit.docId;
        let shown = `${x.unit.text.slice(0, sx.start)}${BLANK}${x.unit.text.slice(sx.end)}`;
        if (shown.length > 220) shown = `…${shown.slice(Math.max(0, shown.indexOf(BLANK) - 100), shown.indexOf(BLANK) + 100)}…`;
        out.push({
          fingerprint: sha1(`disagree|${foldPhrase(x.unit.text)}|${[kx, ky].sort().join('|')}`),
          kind: 'disagreement',
          prompt: `The sources disagree here: “${shown}” What does each source give?`,
          answer: `${lx}: ${sx.text}; ${ly}: ${sy.text}`,
          alternatives: [],
          passage: `${x.unit.text} / ${y.unit.text}`,
          answerKey: `disagree:${[kx, ky].sort().join('|')}`,
          sources: [x, y].map((u) => ({ docId: u.unit.docId, start: u.unit.start, end: u.unit.end })),
          score: Math.round((Math.max(x.score, y.score) + 2) * 100) / 100,
          reasons: [`sources disagree on ${family === 'amount' ? 'a figure' : 'a date'}`],
          siblingKeys: siblingKeys([x, y], [group.id], []),
          ownerDoc: group.docs[0] as string,
        });
      }
    }
  }
  return out;
}
