// The cross-validation harness behind ACCURACY.md's log of what was tried and not shipped for the target-sentiment
// model (never part of the shipped model or of train:target-sentiment). It featurizes NewsMTSC mt-train once
// (extractTargetFeatures and the GloVe table of training-data/word-vectors/) and runs k-fold CV with the trainer's
// fold split and training order (the shipped configuration gives the trainer's CV F1m, 0.6957) for variants given as
// JSON: other vector windows, extra sparse feature families, an MLP or an attention pool over the vectors, dropout,
// ensembles, other fold seeds. The dev files are never read. Run (from packages/core):
//   node scripts/run.mjs scripts/explore-target-sentiment.ts '[{"name":"shipped","folds":5},{"folds":5,"heads":1,"attRate":0.1}]'
// ERRORS=40 also prints 40 out-of-fold errors of the shipped configuration.
import { readFileSync } from 'node:fs';
import { readTone } from '../src/scoring/score-sentiment.js';
import { TARGET_CLASSES } from '../src/scoring/score-target-sentiment.js';
import { loadStanceCues } from '../src/scoring/stance-cues.js';
import { extractTargetFeatures, locateTarget, type TargetPlace } from '../src/scoring/target-features.js';
import { vectorKey } from '../src/scoring/target-vectors.js';
import { loadToneLexicon } from '../src/scoring/tone-lexicon.js';
import type { ToneToken } from '../src/scoring/tone-tokens.js';
import { macroF1, PACKAGE_ROOT, readNewsMtsc, type Polarity } from './newsmtsc.js';
import { shuffled } from './seeded-shuffle.js';

const lexicon = loadToneLexicon();
const cues = loadStanceCues();
const vectors = readWordVectors();
const DIM = vectors.dimensions;

interface Pre {
  idx: Int32Array; val: Float64Array; readonly baseIdx: Int32Array; readonly baseVal: Float64Array; readonly cue: Float64Array;
  readonly tokens: readonly ToneToken[]; readonly vec: Int32Array; readonly place: TargetPlace; readonly label: number;
  readonly scoredIdx: readonly number[]; readonly i: number; readonly caps: Uint8Array; readonly sentence: string;
}
const names = new Map<string, number>();
const nameList: string[] = [];
const t0 = Date.now();
const rows = readNewsMtsc('mt-train');
let pre_i = 0;
const pre: Pre[] = rows.map((row) => {
  const target = { start: row.start, end: row.end };
  const { tokens, scored } = readTone(row.sentence, lexicon);
  const place = locateTarget(tokens, target, lexicon);
  const features = extractTargetFeatures(row.sentence, target, lexicon, cues, tokens, scored, place);
  const idx: number[] = [];
  const val: number[] = [];
  const cue = new Float64Array(3);
  for (const [name, value] of features) {
    const fixed = cues.weights.get(name);
    if (fixed !== undefined) { for (let c = 0; c < 3; c += 1) cue[c]! += fixed[c]! * value; continue; }
    if (name.startsWith('cue:')) continue;
    let id = names.get(name);
    if (id === undefined) { id = nameList.length; names.set(name, id); nameList.push(name); }
    idx.push(id); val.push(value);
  }
  const vec = new Int32Array(tokens.length).fill(-1);
  const caps = new Uint8Array(tokens.length);
  tokens.forEach((token, i) => {
    if (token.isBreak) return;
    const key = vectorKey(token.text, (w) => vectors.index.has(w));
    if (key !== undefined) vec[i] = vectors.index.get(key)!;
    const code = row.sentence.charCodeAt(token.start);
    caps[i] = code >= 0x41 && code <= 0x5a && i > 0 ? 1 : 0;
  });
  const scoredIdx = scored.map((word) => tokens.findIndex((t) => t.start === word.start));
  return { i: pre_i++, idx: Int32Array.from(idx), val: Float64Array.from(val), baseIdx: Int32Array.from(idx), baseVal: Float64Array.from(val), cue, tokens, vec, place, label: TARGET_CLASSES.indexOf(row.polarity), scoredIdx, caps, sentence: row.sentence };
});
console.error(`featurized ${pre.length} in ${Date.now() - t0} ms, ${nameList.length} features`);

type WindowSpec = string; // 'left5' | 'right5' | 'clause' | 'sentence' | 'decay3' | 'cleft' | 'cright' | 'near2' | 'between' | 'lexnear'
interface Config {
  readonly name?: string;
  readonly windows?: readonly WindowSpec[];
  readonly scale?: number;
  readonly rate?: number;
  readonly epochs?: number;
  readonly l2?: number;
  readonly hidden?: number; // MLP over dense windows
  readonly mlpRate?: number;
  readonly mlpInput?: 'dense' | 'dense+lex';
  readonly folds?: number;
  readonly seeds?: number; // ensemble of differently seeded models
  readonly noCaps?: boolean; // leave capitalised words (other names) out of the windows
  readonly classWeight?: readonly number[];
  readonly offsets?: boolean; // fit per-class offsets on OOF (nested: within fit folds)
  readonly sparse?: boolean; // false: no sparse part
  readonly dense?: boolean; // false: no linear dense part
  readonly averaged?: boolean;
  readonly cueInTraining?: boolean;
  readonly extra?: readonly string[];
  readonly roleCross?: boolean;
  readonly dropout?: number;
  readonly heads?: number;
  readonly attRate?: number;
  readonly attScale?: number;
  readonly attInit?: number;
  readonly foldSeed?: number;
  readonly denseRate?: number;
  readonly denseDropout?: number;
  readonly drop?: readonly string[]; // feature-name prefixes to leave out
}

function idOf(name: string): number {
  let id = names.get(name);
  if (id === undefined) { id = nameList.length; names.set(name, id); nameList.push(name); }
  return id;
}

function extraFeatures(p: Pre, kinds: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, v = 1) => out.set(name, (out.get(name) ?? 0) + v);
  const { firstIndex: f, lastIndex: l, clause } = p.place;
  const t = p.tokens;
  for (const kind of kinds) {
    if (kind === 'side') { for (let i = 0; i < t.length; i += 1) { if (t[i]!.isBreak || (i >= f && i <= l)) continue; out.set(`S${i < f ? 'L' : 'R'}:${t[i]!.text}`, 1); } }
    else if (kind === 'clausebag') { for (let i = clause.first; i <= clause.last; i += 1) { if (t[i]!.isBreak || (i >= f && i <= l)) continue; out.set(`C:${t[i]!.text}`, 1); } }
    else if (kind === 'far') { for (let d = 5; d <= 8; d += 1) { const a = t[f - d]; const b = t[l + d]; if (a) add(`Lf:${a.text}`); if (b) add(`Rf:${b.text}`); } }
    else if (kind === 'sandwich') { const a = t[f - 1]; const b = t[l + 1]; if (a && b) add(`LR:${a.text}_${b.text}`); }
    else if (kind === 'tri') { const a = t[f - 3], b = t[f - 2], c = t[f - 1], d = t[l + 1], e = t[l + 2], g = t[l + 3]; if (a && b && c) add(`L321:${a.text}_${b.text}_${c.text}`); if (d && e && g) add(`R123:${d.text}_${e.text}_${g.text}`); }
    else if (kind === 'lexside') {
      for (const s of p.scoredIdx) { if (s < 0 || (s >= f && s <= l)) continue; const inClause = s >= clause.first && s <= clause.last; add(`X${s < f ? 'L' : 'R'}${inClause ? 'c' : 'o'}:${t[s]!.text}`); }
    }
    else if (kind === 'bigrams') { for (let i = 0; i + 1 < t.length; i += 1) { if (t[i]!.isBreak || t[i + 1]!.isBreak || (i + 1 >= f && i <= l)) continue; out.set(`B:${t[i]!.text}_${t[i + 1]!.text}`, 1); } }
    else if (kind === 'cbigrams') { for (let i = clause.first; i + 1 <= clause.last; i += 1) { if (t[i]!.isBreak || t[i + 1]!.isBreak || (i + 1 >= f && i <= l)) continue; out.set(`CB:${t[i]!.text}_${t[i + 1]!.text}`, 1); } }
    else if (kind === 'own') { const nm = namesOf(p); for (let i = 0; i < t.length; i += 1) { if (t[i]!.isBreak || (i >= f && i <= l)) continue; out.set(`${isOwn(i, f, l, nm) ? 'WO' : 'WX'}:${t[i]!.text}`, 1); } }
    else if (kind === 'ownlex') { const nm = namesOf(p); for (const i of p.scoredIdx) { if (i < 0 || (i >= f && i <= l)) continue; out.set(`XO${isOwn(i, f, l, nm) ? 'o' : 'x'}:${t[i]!.text}`, 1); } }
    else throw new Error(`unknown extra ${kind}`);
  }
  return out;
}

function applyFeatures(config: Config): void {
  const drop = config.drop ?? [];
  for (const p of pre) {
    const idx: number[] = [];
    const val: number[] = [];
    p.baseIdx.forEach((id, k) => { if (!drop.some((d) => nameList[id]!.startsWith(d))) { idx.push(id); val.push(p.baseVal[k]!); } });
    if (config.extra) for (const [name, v] of extraFeatures(p, config.extra)) { idx.push(idOf(name)); val.push(v); }
    p.idx = Int32Array.from(idx);
    p.val = Float64Array.from(val);
  }
}

const PRON = new Set(['he', 'she', 'him', 'her', 'they', 'them', 'his', 'their', 'we', 'us', 'i', 'you']);
function namesOf(p: Pre): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.tokens.length; i += 1) { if (i >= p.place.firstIndex && i <= p.place.lastIndex) continue; if (p.caps[i] || PRON.has(p.tokens[i]!.text)) out.push(i); }
  return out;
}
function isOwn(i: number, f: number, l: number, nm: readonly number[]): boolean {
  const d = i < f ? f - i : Math.max(0, i - l);
  for (const k of nm) if (k !== i && Math.abs(k - i) < d) return false;
  return true;
}
function windowTokens(p: Pre, spec: WindowSpec): { i: number; w: number }[] {
  const { firstIndex: f, lastIndex: l, clause } = p.place;
  const n = p.tokens.length;
  const out: { i: number; w: number }[] = [];
  const range = (a: number, b: number, w: (i: number) => number = () => 1) => { for (let i = Math.max(0, a); i <= Math.min(n - 1, b); i += 1) out.push({ i, w: w(i) }); };
  const dist = (i: number) => (i < f ? f - i : i - l);
  let m: RegExpMatchArray | null;
  if ((m = /^left(\d+)$/.exec(spec))) range(f - Number(m[1]), f - 1);
  else if ((m = /^right(\d+)$/.exec(spec))) range(l + 1, l + Number(m[1]));
  else if ((m = /^near(\d+)$/.exec(spec))) { range(f - Number(m[1]), f - 1); range(l + 1, l + Number(m[1])); }
  else if (spec === 'clause') range(clause.first, clause.last);
  else if (spec === 'cleft') range(clause.first, f - 1);
  else if (spec === 'cright') range(l + 1, clause.last);
  else if (spec === 'sentence') range(0, n - 1);
  else if ((m = /^decay(\d+)$/.exec(spec))) { const k = Number(m[1]); range(0, n - 1, (i) => 1 / (1 + dist(i) / k)); }
  else if ((m = /^ldecay(\d+)$/.exec(spec))) { const k = Number(m[1]); range(0, f - 1, (i) => 1 / (1 + dist(i) / k)); }
  else if ((m = /^rdecay(\d+)$/.exec(spec))) { const k = Number(m[1]); range(l + 1, n - 1, (i) => 1 / (1 + dist(i) / k)); }
  else if (spec === 'between') {
    // words between the target and the nearest lexicon-scored word (inclusive of that word)
    let best = -1;
    for (const s of p.scoredIdx) if (s >= 0 && (best < 0 || dist(s) < dist(best))) best = s;
    if (best >= 0) { if (best < f) range(best, f - 1); else range(l + 1, best); }
  } else if (spec === 'lexnear') {
    // the lexicon-scored words, weighted by closeness
    for (const s of p.scoredIdx) if (s >= 0 && (s < f || s > l)) out.push({ i: s, w: 1 / (1 + dist(s) / 3) });
  } else if (spec === 'own' || spec === 'other') {
    const nm = namesOf(p);
    for (let i = 0; i < n; i += 1) { if (i >= f && i <= l) continue; const own = isOwn(i, f, l, nm); if ((spec === 'own') === own) out.push({ i, w: 1 }); }
  } else throw new Error(`unknown window ${spec}`);
  return out;
}

function denseOf(p: Pre, config: Config): Float32Array {
  const windows = config.windows ?? ['left5', 'right5', 'clause', 'sentence'];
  const scale = config.scale ?? 3;
  const roles = ['subject', 'object', 'possessor', 'other'];
  const role = config.roleCross ? roles.indexOf([...p.baseIdx].map((id) => nameList[id]!).find((name) => name.startsWith('role:'))!.slice(5)) : 0;
  const blocks = config.roleCross ? 4 : 1;
  const out = new Float64Array(windows.length * DIM * blocks) as unknown as Float32Array;
  const at = role * windows.length * DIM;
  windows.forEach((spec, g) => {
    let total = 0;
    const sum = new Float64Array(DIM);
    for (const { i, w } of windowTokens(p, spec)) {
      if (p.tokens[i]!.isBreak || (i >= p.place.firstIndex && i <= p.place.lastIndex)) continue;
      if (config.noCaps && p.caps[i]) continue;
      const v = p.vec[i]!;
      if (v < 0) continue;
      const base = v * DIM;
      for (let d = 0; d < DIM; d += 1) sum[d]! += w * vectors.values[base + d]!;
      total += w;
    }
    if (total > 0) for (let d = 0; d < DIM; d += 1) out[at + g * DIM + d] = (sum[d]! / total) * scale;
  });
  return out;
}

interface Model { W: Float64Array; V: Float64Array; U: Float64Array; b: Float64Array; Z: Float64Array; H: number; D: number; offsets: Float64Array; A: Float64Array; P: Float64Array; T: Float64Array; K: number }
const NB = 32;
/** Attention inputs per example: the vector ids of the usable tokens and their position buckets. */
interface Att { ids: Int32Array; buckets: Int32Array }
let att: Att[] = [];
function bucketOf(p: Pre, i: number): number {
  const { firstIndex: f, lastIndex: l, clause } = p.place;
  const d = i < f ? f - i : i - l;
  const b = d <= 4 ? d - 1 : d <= 6 ? 4 : d <= 9 ? 5 : d <= 14 ? 6 : 7;
  const inClause = i >= clause.first && i <= clause.last ? 1 : 0;
  return (i < f ? 0 : 8) + b + 16 * inClause;
}
function prepareAtt(): void {
  att = pre.map((p) => {
    const ids: number[] = []; const buckets: number[] = [];
    p.tokens.forEach((t, i) => { if (t.isBreak || (i >= p.place.firstIndex && i <= p.place.lastIndex) || p.vec[i]! < 0) return; ids.push(p.vec[i]!); buckets.push(bucketOf(p, i)); });
    return { ids: Int32Array.from(ids), buckets: Int32Array.from(buckets) };
  });
}
let ATT_SCALE = 3;
interface AttCache { alpha: Float64Array[]; pooled: Float64Array[] }
function attForward(m: Model, a: Att, z: number[], cache?: AttCache): void {
  const n = a.ids.length;
  if (n === 0) return;
  const vals = vectors.values;
  for (let k = 0; k < m.K; k += 1) {
    const alpha = new Float64Array(n);
    let max = -Infinity;
    for (let t = 0; t < n; t += 1) {
      let sc = m.P[k * NB + a.buckets[t]!]!;
      const base = a.ids[t]! * DIM; const ab = k * DIM;
      for (let d = 0; d < DIM; d += 1) sc += m.A[ab + d]! * vals[base + d]!;
      alpha[t] = sc; if (sc > max) max = sc;
    }
    let tot = 0;
    for (let t = 0; t < n; t += 1) { alpha[t] = Math.exp(alpha[t]! - max); tot += alpha[t]!; }
    const pooled = new Float64Array(DIM);
    for (let t = 0; t < n; t += 1) { alpha[t]! /= tot; const base = a.ids[t]! * DIM; const w = alpha[t]! * ATT_SCALE; for (let d = 0; d < DIM; d += 1) pooled[d]! += w * vals[base + d]!; }
    const tb = k * DIM * 3;
    for (let d = 0; d < DIM; d += 1) { const x = pooled[d]!; z[0]! += m.T[tb + d * 3]! * x; z[1]! += m.T[tb + d * 3 + 1]! * x; z[2]! += m.T[tb + d * 3 + 2]! * x; }
    if (cache) { cache.alpha[k] = alpha; cache.pooled[k] = pooled; }
  }
}
function attBackward(m: Model, a: Att, cache: AttCache, gz: Float64Array, sq: { A: Float64Array; P: Float64Array; T: Float64Array }, rate: number, l2: number): void {
  const n = a.ids.length;
  if (n === 0) return;
  const vals = vectors.values;
  const gp = new Float64Array(DIM);
  for (let k = 0; k < m.K; k += 1) {
    const alpha = cache.alpha[k]!; const pooled = cache.pooled[k]!;
    const tb = k * DIM * 3;
    for (let d = 0; d < DIM; d += 1) {
      gp[d] = m.T[tb + d * 3]! * gz[0]! + m.T[tb + d * 3 + 1]! * gz[1]! + m.T[tb + d * 3 + 2]! * gz[2]!;
      for (let c = 0; c < 3; c += 1) { const j = tb + d * 3 + c; const g = gz[c]! * pooled[d]! + l2 * m.T[j]!; sq.T[j]! += g * g; m.T[j]! -= (rate * g) / Math.sqrt(sq.T[j]!); }
    }
    // d pooled / d s_t = alpha_t (v_t*S - pooled)
    let gpPooled = 0;
    for (let d = 0; d < DIM; d += 1) gpPooled += gp[d]! * pooled[d]!;
    const gA = new Float64Array(DIM);
    for (let t = 0; t < n; t += 1) {
      const base = a.ids[t]! * DIM;
      let gv = 0;
      for (let d = 0; d < DIM; d += 1) gv += gp[d]! * vals[base + d]!;
      const gs = alpha[t]! * (gv * ATT_SCALE - gpPooled);
      if (gs === 0) continue;
      const pj = k * NB + a.buckets[t]!;
      sq.P[pj]! += gs * gs; m.P[pj]! -= (rate * gs) / Math.sqrt(sq.P[pj]!);
      for (let d = 0; d < DIM; d += 1) gA[d]! += gs * vals[base + d]!;
    }
    for (let d = 0; d < DIM; d += 1) { const j = k * DIM + d; const g = gA[d]! + l2 * m.A[j]!; sq.A[j]! += g * g; m.A[j]! -= (rate * g) / Math.sqrt(sq.A[j]!); }
  }
}

function forward(m: Model, p: Pre, dense: Float32Array, mask: Uint8Array | null, hiddenOut?: Float64Array, noCue = false, keep?: Uint8Array, keepScale = 1, attCache?: AttCache): number[] {
  const k0 = noCue ? 0 : 1;
  const z = [k0 * p.cue[0]! + m.offsets[0]!, k0 * p.cue[1]! + m.offsets[1]!, k0 * p.cue[2]! + m.offsets[2]!];
  for (let k = 0; k < p.idx.length; k += 1) {
    const id = p.idx[k]!;
    if (mask !== null && !mask[id]) continue;
    if (keep !== undefined && !keep[k]) continue;
    const v = p.val[k]! * keepScale;
    z[0]! += m.W[id * 3]! * v; z[1]! += m.W[id * 3 + 1]! * v; z[2]! += m.W[id * 3 + 2]! * v;
  }
  const D = m.D;
  if (m.V.length > 0) for (let d = 0; d < D; d += 1) { const x = dense[d]!; if (x === 0) continue; z[0]! += m.V[d * 3]! * x; z[1]! += m.V[d * 3 + 1]! * x; z[2]! += m.V[d * 3 + 2]! * x; }
  if (m.K > 0) attForward(m, att[p.i]!, z, attCache);
  if (m.H > 0) {
    const h = hiddenOut ?? new Float64Array(m.H);
    for (let j = 0; j < m.H; j += 1) {
      let s = m.b[j]!;
      const base = j * D;
      for (let d = 0; d < D; d += 1) s += m.U[base + d]! * dense[d]!;
      h[j] = Math.tanh(s);
    }
    for (let j = 0; j < m.H; j += 1) { z[0]! += m.Z[j * 3]! * h[j]!; z[1]! += m.Z[j * 3 + 1]! * h[j]!; z[2]! += m.Z[j * 3 + 2]! * h[j]!; }
  }
  const max = Math.max(z[0]!, z[1]!, z[2]!);
  const e = z.map((x) => Math.exp(x - max));
  const t = e[0]! + e[1]! + e[2]!;
  return e.map((x) => x / t);
}

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function train(fit: readonly number[], dense: readonly Float32Array[], config: Config, seed: number): { model: Model; mask: Uint8Array } {
  const F = nameList.length;
  const D = dense[0]!.length;
  const H = config.hidden ?? 0;
  const counts = new Int32Array(F);
  for (const i of fit) for (const id of pre[i]!.idx) counts[id]! += 1;
  const mask = new Uint8Array(F);
  for (let id = 0; id < F; id += 1) mask[id] = counts[id]! >= 2 && config.sparse !== false ? 1 : 0;
  const m: Model = { W: new Float64Array(F * 3), V: new Float64Array(config.dense === false ? 0 : D * 3), U: new Float64Array(H * D), b: new Float64Array(H), Z: new Float64Array(H * 3), H, D, offsets: new Float64Array(3), K: config.heads ?? 0, A: new Float64Array((config.heads ?? 0) * DIM), P: new Float64Array((config.heads ?? 0) * NB), T: new Float64Array((config.heads ?? 0) * DIM * 3) };
  const r = rng(seed * 7 + 1);
  const a = Math.sqrt(6 / (D + H));
  for (let k = 0; k < m.U.length; k += 1) m.U[k] = (r() * 2 - 1) * a;
  if (m.K > 1) for (let k = 0; k < m.A.length; k += 1) m.A[k] = (r() * 2 - 1) * (config.attInit ?? 1);
  const sq = { W: new Float64Array(F * 3).fill(1e-8), V: new Float64Array(m.V.length).fill(1e-8), U: new Float64Array(m.U.length).fill(1e-8), b: new Float64Array(H).fill(1e-8), Z: new Float64Array(H * 3).fill(1e-8), A: new Float64Array(m.A.length).fill(1e-8), P: new Float64Array(m.P.length).fill(1e-8), T: new Float64Array(m.T.length).fill(1e-8) };
  const avg = { W: new Float64Array(F * 3), V: new Float64Array(m.V.length), U: new Float64Array(m.U.length), b: new Float64Array(H), Z: new Float64Array(H * 3), A: new Float64Array(m.A.length), P: new Float64Array(m.P.length), T: new Float64Array(m.T.length) };
  const rate = config.rate ?? 0.02;
  const mlpRate = config.mlpRate ?? rate;
  const l2 = config.l2 ?? 1e-5;
  const epochs = config.epochs ?? 12;
  const cw = config.classWeight ?? [1, 1, 1];
  const h = new Float64Array(H);
  const gz = new Float64Array(3);
  const gh = new Float64Array(H);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const i of shuffled(fit, seed + epoch)) {
      const p = pre[i]!;
      const x = dense[i]!;
      const q = config.dropout ?? 0;
      let keep: Uint8Array | undefined;
      if (q > 0) { keep = new Uint8Array(p.idx.length); for (let k = 0; k < keep.length; k += 1) keep[k] = nameList[p.idx[k]!] === 'bias' || r() >= q ? 1 : 0; }
      const ks = q > 0 ? 1 / (1 - q) : 1;
      const cache: AttCache = { alpha: [], pooled: [] };
      const prob = forward(m, p, x, mask, h, !config.cueInTraining, keep, ks, cache);
      const w = cw[p.label]!;
      for (let c = 0; c < 3; c += 1) gz[c] = w * (prob[c]! - (c === p.label ? 1 : 0));
      for (let k = 0; k < p.idx.length; k += 1) {
        const id = p.idx[k]!;
        if (!mask[id]) continue;
        if (keep !== undefined && !keep[k]) continue;
        const v = p.val[k]! * ks;
        for (let c = 0; c < 3; c += 1) {
          const j = id * 3 + c;
          const g = gz[c]! * v + l2 * m.W[j]!;
          sq.W[j]! += g * g; m.W[j]! -= (rate * g) / Math.sqrt(sq.W[j]!);
        }
      }
      if (m.V.length > 0) for (let d = 0; d < D; d += 1) {
        const v = x[d]!;
        if (v === 0) continue;
        for (let c = 0; c < 3; c += 1) {
          const j = d * 3 + c;
          const g = gz[c]! * v + l2 * m.V[j]!;
          sq.V[j]! += g * g; m.V[j]! -= ((config.denseRate ?? rate) * g) / Math.sqrt(sq.V[j]!);
        }
      }
      if (m.K > 0) attBackward(m, att[p.i]!, cache, gz, sq, config.attRate ?? rate, l2);
      if (H > 0) {
        for (let j = 0; j < H; j += 1) {
          let s = 0;
          for (let c = 0; c < 3; c += 1) {
            s += gz[c]! * m.Z[j * 3 + c]!;
            const k = j * 3 + c;
            const g = gz[c]! * h[j]! + l2 * m.Z[k]!;
            sq.Z[k]! += g * g; m.Z[k]! -= (mlpRate * g) / Math.sqrt(sq.Z[k]!);
          }
          gh[j] = s * (1 - h[j]! * h[j]!);
        }
        for (let j = 0; j < H; j += 1) {
          const gj = gh[j]!;
          if (gj === 0) continue;
          const gb = gj;
          sq.b[j]! += gb * gb; m.b[j]! -= (mlpRate * gb) / Math.sqrt(sq.b[j]!);
          const base = j * D;
          for (let d = 0; d < D; d += 1) {
            const v = x[d]!;
            if (v === 0) continue;
            const k = base + d;
            const g = gj * v + l2 * m.U[k]!;
            sq.U[k]! += g * g; m.U[k]! -= (mlpRate * g) / Math.sqrt(sq.U[k]!);
          }
        }
      }
    }
    if (config.averaged !== false) for (const key of ['W', 'V', 'U', 'b', 'Z', 'A', 'P', 'T'] as const) { const src = m[key]; const dst = avg[key]; for (let k = 0; k < src.length; k += 1) dst[k]! += src[k]! / epochs; }
  }
  if (config.averaged !== false) return { model: { ...m, ...avg }, mask };
  return { model: m, mask };
}

const argmax = (v: readonly number[]) => (v[0]! >= v[1]! && v[0]! >= v[2]! ? 0 : v[1]! >= v[2]! ? 1 : 2);

function oof(config: Config): number[][] {
  const folds = config.folds ?? 3;
  const order = shuffled(pre.map((_, i) => i), config.foldSeed ?? 20211);
  const foldOf = new Int32Array(pre.length);
  // With 5 folds and the default seed this is the trainer's split exactly.
  order.forEach((index, k) => { foldOf[index] = k % folds; });
  applyFeatures(config);
  if (config.heads) { prepareAtt(); ATT_SCALE = config.attScale ?? 3; }
  const dense = pre.map((p) => denseOf(p, config));
  const probs: number[][] = pre.map(() => [0, 0, 0]);
  const seeds = config.seeds ?? 1;
  for (let fold = 0; fold < folds; fold += 1) {
    const fit = order.filter((i) => foldOf[i] !== fold);
    const held = order.filter((i) => foldOf[i] === fold);
    for (let s = 0; s < seeds; s += 1) {
      const { model, mask } = train(fit, dense, config, 20211 + s * 1000);
      for (const i of held) { const p = forward(model, pre[i]!, dense[i]!, mask); for (let c = 0; c < 3; c += 1) probs[i]![c]! += p[c]! / seeds; }
    }
  }
  return probs;
}

function score(probs: readonly number[][], offsets: readonly number[] = [0, 0, 0]): { f1: number; perClass: number[]; confusion: number[][] } {
  const adj = probs.map((p) => p.map((x, c) => Math.log(x) + offsets[c]!));
  const gold: Polarity[] = pre.map((p) => TARGET_CLASSES[p.label]!);
  const predicted: Polarity[] = adj.map((p) => TARGET_CLASSES[argmax(p)]!);
  probs = adj;
  const confusion = [0, 1, 2].map((g) => [0, 1, 2].map((q) => pre.filter((p, i) => p.label === g && argmax(probs[i]!) === q).length));
  const perClass = [0, 1, 2].map((c) => { const tp = confusion[c]![c]!; const fp = confusion.reduce((a, r, g) => a + (g === c ? 0 : r[c]!), 0); const fn = confusion[c]!.reduce((a, b) => a + b, 0) - tp; return (2 * tp) / (2 * tp + fp + fn); });
  return { f1: macroF1(gold, predicted), perClass, confusion };
}

const configs = JSON.parse(process.argv[2] ?? '[{}]') as (Config & { members?: Config[] })[];
for (const config of configs) {
  const start = Date.now();
  let probs: number[][];
  if (config.members) {
    const all = config.members.map((member) => oof({ folds: 5, ...member }));
    probs = pre.map((_, i) => [0, 1, 2].map((c) => all.reduce((a, pr) => a + pr[i]![c]! / all.length, 0)));
  } else probs = oof(config);
  const r = score(probs);
  let best = { f1: r.f1, o: [0, 0, 0] };
  for (let a = -0.5; a <= 0.5001; a += 0.05) for (let b = -0.5; b <= 0.5001; b += 0.05) { const f = score(probs, [a, 0, b]).f1; if (f > best.f1) best = { f1: f, o: [a, 0, b] }; }
  console.log(`   oracle offsets ${best.o.map((x) => x.toFixed(2)).join(',')} → ${best.f1.toFixed(4)}`);
  console.log(`${(config.name ?? JSON.stringify(config)).padEnd(60)} CV F1m ${r.f1.toFixed(4)}  pos/neu/neg ${r.perClass.map((x) => x.toFixed(3)).join('/')}  conf ${JSON.stringify(r.confusion)}  ${((Date.now() - start) / 1000).toFixed(0)}s`);
}

function readWordVectors(): { dimensions: number; index: Map<string, number>; values: Float64Array } {
  const data = JSON.parse(readFileSync(new URL('training-data/word-vectors/glove-100d-pruned.json', PACKAGE_ROOT), 'utf8')) as { dimensions: number; quantum: number; words: string; vectors: string };
  const bytes = Buffer.from(data.vectors, 'base64');
  const words = data.words.split(' ');
  const values = new Float64Array(words.length * data.dimensions);
  for (let k = 0; k < values.length; k += 1) values[k] = bytes.readInt8(k) / data.quantum;
  return { dimensions: data.dimensions, index: new Map(words.map((w, i) => [w, i])), values };
}
if (process.env.ERRORS) {
  const probs = oof({ folds: 5 });
  const wrong = pre.map((p, i) => ({ p, i, q: argmax(probs[i]!) })).filter((x) => x.q !== x.p.label);
  for (const { p, i, q } of shuffled(wrong, 7).slice(0, Number(process.env.ERRORS))) {
    const r = rows[i]!;
    console.log(`${TARGET_CLASSES[p.label]} → ${TARGET_CLASSES[q]} (${probs[i]!.map((x) => x.toFixed(2)).join('/')}): ${r.sentence.slice(0, r.start)}[[${r.target}]]${r.sentence.slice(r.end)}`);
  }
}
