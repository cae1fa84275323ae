// The part file of one shard (`forecast run --shard k/n`, `forecast sweep --shard k/n`): what
// `forecast merge` reads.
//
//   part.json.gz    gzip of one JSON document (format "beijing-forecast-part", version 3):
//     engine, command, shard {index, count}, the command's options, every input file's SHA-256, and
//     run:   per scenario the merged state of the shard's blocks (ScenarioState): block sums,
//            quantile counts or values, target counts
//     sweep: per variant of the shard, its values and each judged target's result (numbers)
//   Typed arrays are {"f64": base64} or {"i32": base64}, little-endian, or, for int32 arrays of no
//   negative value (histogram counters), {"varint": base64} of unsigned LEB128 varints.
// Reading checks the file's size before reading it and the inflated size while inflating; the
// document's shape, field by field, before anything uses it (a hostile file is an input error).
import { endianness } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import type { QuantileState } from '../evaluate/quantile-accumulator.js';
import type { TrackerState } from '../evaluate/track-target.js';
import type { DrawPoint } from '../evaluate/track-draws.js';
import { activeLimits, raiseHint } from '../io/limits.js';
import { readBytes } from '../io/read-text.js';
import { decodeVarints, encodeVarints, varintBytes } from '../io/varint.js';
import { targetResultNumbers, type PortableTargetResult } from './portable-target-result.js';
import type { ScenarioState } from './scenario-accumulator.js';

export const partFormat = 'beijing-forecast-part';
/**
 * 2: target counts carry `consistent` (the draws a closed window's record allows, for nowcasts).
 * 3: int32 arrays of no negative value are written as varints.
 */
export const partVersion = 3;
/** The file a shard writes into its --out folder. */
export const partFileName = 'part.json.gz';

/** Options of the run a part belongs to: every shard of one run has the same. */
export interface PartRunOptions {
  /** Scenario files as given (relative to the working directory). */
  readonly scenarios: readonly string[];
  readonly data: string;
  readonly asOf: string | null;
  readonly draws: number | null;
  readonly seed: number | null;
  readonly exactQuantiles: boolean;
  readonly exportDraws: number;
}

export interface PartScenario {
  readonly scenario: string;
  readonly draws: number;
  readonly seed: number;
  readonly state: ScenarioState;
  /** Sampled paths of the shard's blocks (`--export-draws`). */
  readonly points: readonly DrawPoint[];
}

export interface RunPartFile {
  readonly format: typeof partFormat;
  readonly version: typeof partVersion;
  /** The engine version that wrote it (merge refuses another). */
  readonly engine: string;
  readonly command: 'run';
  /** 0-based index and count. */
  readonly shard: { readonly index: number; readonly count: number };
  readonly run: PartRunOptions;
  /** Every input file the run read, relative to its working directory, with its SHA-256. */
  readonly inputs: readonly { readonly path: string; readonly sha256: string }[];
  readonly scenarios: readonly PartScenario[];
}

/** Options of the sweep a part belongs to: every shard of one sweep has the same. */
export interface PartSweepOptions {
  /** The scenario file as given (relative to the working directory). */
  readonly scenario: string;
  readonly data: string;
  readonly asOf: string | null;
  readonly draws: number | null;
  readonly seed: number | null;
  /** Each --vary as given (none with a design). */
  readonly vary: readonly string[];
  /** The design file (relative to the working directory; its SHA-256 is among the inputs), or null for a grid of --vary. */
  readonly design: string | null;
}

/** One variant of a sweep's shard: its number (1-based, grid order), values and target results. */
export interface PartVariant {
  readonly variant: number;
  readonly values: Float64Array;
  readonly targets: readonly PortableTargetResult[];
}

export interface SweepPartFile extends Omit<RunPartFile, 'command' | 'run' | 'scenarios'> {
  readonly command: 'sweep';
  readonly sweep: PartSweepOptions;
  readonly variants: readonly PartVariant[];
}

/** A part of either command. */
export type PartFile = RunPartFile | SweepPartFile;

/** Little-endian bytes of a typed array, as base64 (the array's own bytes on a little-endian machine). */
function encodeArray(array: Float64Array | Int32Array): string {
  if (littleEndianHost) return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  const view = new DataView(new ArrayBuffer(array.byteLength));
  if (array instanceof Float64Array) array.forEach((v, i) => view.setFloat64(8 * i, v, true));
  else array.forEach((v, i) => view.setInt32(4 * i, v, true));
  return Buffer.from(view.buffer).toString('base64');
}

const littleEndianHost = endianness() === 'LE';

/**
 * Whether an int32 array is written as varints: every value ≥ 0. A histogram's counters mostly hold
 * a few dozen draws (a byte as a varint, four as an int32): the shipped scenarios' part at 10⁶ draws
 * came to 24.4 MB of JSON with int32 counters, 7.7 with varints.
 */
function isUnsigned(array: Int32Array): boolean {
  for (let i = 0; i < array.length; i++) if (array[i] < 0) return false;
  return true;
}

/** A typed array with the key it is written under: `varint` for an int32 array of no negative value. */
interface TypedArrayOut {
  readonly key: 'f64' | 'i32' | 'varint';
  readonly array: Float64Array | Int32Array;
}

function typedArrayOut(array: Float64Array | Int32Array): TypedArrayOut {
  return { key: array instanceof Float64Array ? 'f64' : isUnsigned(array) ? 'varint' : 'i32', array };
}

/** The base64 of a typed array under its key. */
function encodeTyped({ key, array }: TypedArrayOut): string {
  return key === 'varint' ? encodeVarints(array as Int32Array).toString('base64') : encodeArray(array);
}

/** Characters of encodeTyped(out). */
function encodedLength({ key, array }: TypedArrayOut): number {
  return 4 * Math.ceil((key === 'varint' ? varintBytes(array as Int32Array) : array.byteLength) / 3);
}

/** Stands in for each typed array in the document's skeleton (its index follows). */
const arrayMarker = 'bjfPartArray';

/**
 * The part as gzip-compressed JSON: the bytes of gzip(JSON.stringify(part)), typed arrays written as
 * {"f64": base64}, {"i32": base64} or {"varint": base64} (typedArrayOut).
 *
 * The JSON is assembled in one buffer from a skeleton (each array a marker) and each array's base64,
 * made one at a time, rather than in one string built by JSON.stringify around every array's base64
 * at once: measured at 10⁶ draws, shard 1 of 2 (5 pairs), peak RSS 131.0 against 147.1 MB, at 0.989×
 * the wall time. Base64 text needs no JSON escaping, so the bytes are the same. Should some text of
 * the part itself contain a marker, the document is stringified whole as before.
 * @example gunzipSync(encodePart(part)).toString().startsWith('{"format":"beijing-forecast-part"'); // => true
 */
export function encodePart(part: PartFile): Uint8Array {
  const arrays: TypedArrayOut[] = [];
  const skeleton = JSON.stringify(part, (_key, value: unknown) => {
    if (!(value instanceof Float64Array || value instanceof Int32Array)) return value;
    const out = typedArrayOut(value);
    return { [out.key]: `${arrayMarker}${arrays.push(out) - 1}` };
  });
  const pieces = skeleton.split(new RegExp(`${arrayMarker}\\d+`));
  if (pieces.length !== arrays.length + 1) return gzipSync(wholeJson(part));
  let bytes = 0;
  for (const piece of pieces) bytes += Buffer.byteLength(piece, 'utf8');
  for (const array of arrays) bytes += encodedLength(array);
  const json = Buffer.allocUnsafe(bytes);
  let at = 0;
  pieces.forEach((piece, k) => {
    at += json.write(piece, at, 'utf8');
    if (k < arrays.length) at += json.write(encodeTyped(arrays[k]), at, 'latin1');
  });
  if (at !== bytes) throw new Error(`internal: a part's JSON came to ${at} bytes, ${bytes} expected`);
  return gzipSync(json);
}

/** The part's JSON in one string, every typed array as its base64 (encodePart's fallback). */
function wholeJson(part: PartFile): string {
  return JSON.stringify(part, (_key, value: unknown) => {
    if (!(value instanceof Float64Array || value instanceof Int32Array)) return value;
    const out = typedArrayOut(value);
    return { [out.key]: encodeTyped(out) };
  });
}

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The text of `{key: base64}` (that one key, whole base64 quanta), else undefined. */
function base64Under(object: Record<string, unknown> | undefined, key: string): string | undefined {
  const text = object?.[key];
  return object && Object.keys(object).length === 1 && typeof text === 'string' && text.length % 4 === 0 && base64.test(text) ? text : undefined;
}

/** Walks a parsed document, reading typed fields and collecting a problem for each one that is wrong. */
class PartReader {
  readonly problems: Problem[] = [];
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  problem(field: string, rule: string, value: unknown): undefined {
    // A hostile file can be wrong everywhere: the first problems tell what is wrong.
    if (this.problems.length < 20) this.problems.push({ file: this.file, field, message: messages.mustBe(field, rule, describe(value)) });
    return undefined;
  }

  object(value: unknown, field: string): Record<string, unknown> | undefined {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : this.problem(field, 'be a map', value);
  }

  list(value: unknown, field: string, max = Number.POSITIVE_INFINITY): unknown[] | undefined {
    if (!Array.isArray(value)) return this.problem(field, 'be a list', value);
    return value.length <= max ? value : this.problem(field, `hold at most ${max} items`, `${value.length} items`);
  }

  text(value: unknown, field: string): string | undefined {
    return typeof value === 'string' && value.length <= 10_000 ? value : this.problem(field, 'be a text', value);
  }

  integer(value: unknown, field: string, min: number, max: number): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : this.problem(field, `be a whole number from ${min} to ${max}`, value);
  }

  boolean(value: unknown, field: string): boolean | undefined {
    return typeof value === 'boolean' ? value : this.problem(field, 'be true or false', value);
  }

  array(value: unknown, field: string, kind: 'f64' | 'i32', length?: number): Float64Array | Int32Array | undefined {
    const object = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
    if (kind === 'i32' && object && 'varint' in object) return this.varints(object, field, length);
    const text = base64Under(object, kind);
    const size = kind === 'f64' ? 8 : 4;
    if (text === undefined) {
      return this.problem(field, `be {"${kind}": base64 of little-endian ${kind === 'f64' ? 'doubles' : 'int32s'}}`, value);
    }
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length % size !== 0) return this.problem(field, `hold a whole number of ${size}-byte values`, `${bytes.length} bytes`);
    const count = bytes.length / size;
    if (length !== undefined && count !== length) return this.problem(field, `hold ${length} values`, `${count}`);
    if (littleEndianHost) {
      // The bytes as they are, copied into an aligned array of their own.
      const out = kind === 'f64' ? new Float64Array(count) : new Int32Array(count);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    if (kind === 'f64') return Float64Array.from({ length: count }, (_, i) => view.getFloat64(8 * i, true));
    return Int32Array.from({ length: count }, (_, i) => view.getInt32(4 * i, true));
  }

  /** An int32 array written as {"varint": base64} (decodeVarints). */
  private varints(object: Record<string, unknown>, field: string, length?: number): Int32Array | undefined {
    const text = base64Under(object, 'varint');
    if (text === undefined) {
      return this.problem(field, 'be {"varint": base64 of unsigned LEB128 varints}', object);
    }
    const values = decodeVarints(Buffer.from(text, 'base64'));
    if (typeof values === 'string') return this.problem(field, values, `${text.length} characters of base64`);
    if (length !== undefined && values.length !== length) return this.problem(field, `hold ${length} values`, `${values.length}`);
    return values;
  }
}

/** A received value in a message: never the content of a big value. */
function describe(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 40) return `a text of ${value.length} characters`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'a map';
  return value;
}

/**
 * Reads a part file: its size within the part limit (compressed and inflated), gzip, JSON, then
 * the shape of every field (values are checked against the run by mergeRunParts).
 * @param shown how the file is named in messages
 * @throws InputError naming the file, the field, the rule and the value
 */
export function readPartFile(path: string, shown: string): PartFile {
  const limit = activeLimits().partBytes;
  const compressed = readBytes(path, { shown, limit: { bytes: limit, name: 'partBytes' } });
  const fail = (rule: string, value: string, hint?: string) => new InputError([{ file: shown, message: messages.fileRefused(rule, value), ...(hint ? { hint } : {}) }]);
  let json: string;
  try {
    json = gunzipSync(compressed, { maxOutputLength: limit }).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw fail(`hold at most ${limit} bytes once inflated`, 'more', raiseHint('partBytes'));
    }
    throw fail('be a part written by forecast run --shard (gzip-compressed JSON)', 'bytes that are not gzip');
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw fail('be a part written by forecast run --shard (gzip-compressed JSON)', 'gzip of something that is not JSON');
  }
  const reader = new PartReader(shown);
  const part = readPart(reader, document);
  if (reader.problems.length > 0 || !part) throw new InputError(reader.problems);
  return part;
}

function readPart(r: PartReader, document: unknown): PartFile | undefined {
  const root = r.object(document, 'part');
  if (!root) return undefined;
  if (root.format !== partFormat) return r.problem('format', `be "${partFormat}"`, root.format);
  if (root.version !== partVersion) return r.problem('version', `be ${partVersion} (this engine reads part files of version ${partVersion})`, root.version);
  const engine = r.text(root.engine, 'engine');
  if (root.command !== 'run' && root.command !== 'sweep') return r.problem('command', 'be "run" or "sweep"', root.command);
  const shard = r.object(root.shard, 'shard');
  const count = shard && r.integer(shard.count, 'shard.count', 1, maxShards);
  const index = shard && count !== undefined ? r.integer(shard.index, 'shard.index', 0, count - 1) : undefined;
  const inputs = r.list(root.inputs, 'inputs', 10_000)?.map((item, i) => {
    const entry = r.object(item, `inputs[${i}]`);
    const path = entry && r.text(entry.path, `inputs[${i}].path`);
    const sha256 = entry && r.text(entry.sha256, `inputs[${i}].sha256`);
    if (sha256 !== undefined && !/^[0-9a-f]{64}$/.test(sha256)) r.problem(`inputs[${i}].sha256`, 'be a SHA-256 in hex', sha256);
    return { path: path ?? '', sha256: sha256 ?? '' };
  });
  if (engine === undefined || count === undefined || index === undefined || !inputs) return undefined;
  const common = { format: partFormat, version: partVersion, engine, shard: { index, count }, inputs } as const;
  if (root.command === 'sweep') {
    const sweep = readSweepOptions(r, root.sweep);
    const variants = r.list(root.variants, 'variants', 1_000_000)?.map((item, i) => readVariant(r, item, `variants[${i}]`));
    if (!sweep || !variants || variants.some((v) => !v)) return undefined;
    return { ...common, command: 'sweep', sweep, variants: variants as PartVariant[] };
  }
  const run = readRunOptions(r, root.run);
  const scenarios = r.list(root.scenarios, 'scenarios', 1000)?.map((item, i) => readScenario(r, item, `scenarios[${i}]`));
  if (!run || !scenarios || scenarios.some((s) => !s)) return undefined;
  return { ...common, command: 'run', run, scenarios: scenarios as PartScenario[] };
}

function readSweepOptions(r: PartReader, value: unknown): PartSweepOptions | undefined {
  const sweep = r.object(value, 'sweep');
  if (!sweep) return undefined;
  const scenario = r.text(sweep.scenario, 'sweep.scenario');
  const data = r.text(sweep.data, 'sweep.data');
  const asOf = sweep.asOf === null ? null : r.text(sweep.asOf, 'sweep.asOf');
  const draws = sweep.draws === null ? null : r.integer(sweep.draws, 'sweep.draws', 1, maxDraws);
  const seed = sweep.seed === null ? null : r.integer(sweep.seed, 'sweep.seed', 0, Number.MAX_SAFE_INTEGER);
  const vary = r.list(sweep.vary, 'sweep.vary', 100)?.map((v, i) => r.text(v, `sweep.vary[${i}]`) ?? '');
  const design = sweep.design === null ? null : r.text(sweep.design, 'sweep.design');
  if (scenario === undefined || data === undefined || asOf === undefined || draws === undefined || seed === undefined || !vary || design === undefined) return undefined;
  if ((design === null) === (vary.length === 0)) return r.problem('sweep', 'give either --vary values or a design file', design === null ? 'neither' : 'both');
  return { scenario, data, asOf, draws, seed, vary, design };
}

function readVariant(r: PartReader, value: unknown, field: string): PartVariant | undefined {
  const entry = r.object(value, field);
  if (!entry) return undefined;
  const variant = r.integer(entry.variant, `${field}.variant`, 1, 10_000_000);
  const values = r.array(entry.values, `${field}.values`, 'f64') as Float64Array | undefined;
  const targets = r.list(entry.targets, `${field}.targets`, 10_000)?.map((item, i) => {
    const at = `${field}.targets[${i}]`;
    const t = r.object(item, at);
    if (!t) return undefined;
    const target = r.text(t.target, `${at}.target`);
    const variable = r.text(t.variable, `${at}.variable`);
    const unit = r.text(t.unit, `${at}.unit`);
    const judged = r.text(t.judged, `${at}.judged`);
    const numbers = r.array(t.numbers, `${at}.numbers`, 'f64', targetResultNumbers.length) as Float64Array | undefined;
    const firstPassage = r.array(t.firstPassage, `${at}.firstPassage`, 'f64') as Float64Array | undefined;
    const notes = r.list(t.notes, `${at}.notes`, 1000)?.map((n, k) => r.text(n, `${at}.notes[${k}]`) ?? '');
    if (target === undefined || variable === undefined || unit === undefined || judged === undefined || !numbers || !firstPassage || !notes) return undefined;
    return { target, variable, unit, judged, numbers, firstPassage, notes };
  });
  if (variant === undefined || !values || !targets || targets.some((t) => !t)) return undefined;
  return { variant, values, targets: targets as PortableTargetResult[] };
}

/** Most shards of one run. */
export const maxShards = 10_000;
/** Most blocks of one run: 10⁷ draws (the --draws limit) in blocks of 4096. */
const maxBlocks = 2442;
const maxDraws = 10_000_000;

function readRunOptions(r: PartReader, value: unknown): PartRunOptions | undefined {
  const run = r.object(value, 'run');
  if (!run) return undefined;
  const scenarios = r.list(run.scenarios, 'run.scenarios', 1000)?.map((s, i) => r.text(s, `run.scenarios[${i}]`) ?? '');
  const data = r.text(run.data, 'run.data');
  const asOf = run.asOf === null ? null : r.text(run.asOf, 'run.asOf');
  const draws = run.draws === null ? null : r.integer(run.draws, 'run.draws', 1, maxDraws);
  const seed = run.seed === null ? null : r.integer(run.seed, 'run.seed', 0, Number.MAX_SAFE_INTEGER);
  const exactQuantiles = r.boolean(run.exactQuantiles, 'run.exactQuantiles');
  const exportDraws = r.integer(run.exportDraws, 'run.exportDraws', 0, 100_000);
  if (!scenarios || data === undefined || asOf === undefined || draws === undefined || seed === undefined || exactQuantiles === undefined || exportDraws === undefined) return undefined;
  return { scenarios, data, asOf, draws, seed, exactQuantiles, exportDraws };
}

function readScenario(r: PartReader, value: unknown, field: string): PartScenario | undefined {
  const entry = r.object(value, field);
  if (!entry) return undefined;
  const scenario = r.text(entry.scenario, `${field}.scenario`);
  const draws = r.integer(entry.draws, `${field}.draws`, 1, maxDraws);
  const seed = r.integer(entry.seed, `${field}.seed`, 0, Number.MAX_SAFE_INTEGER);
  const state = readState(r, entry.state, `${field}.state`);
  const points = r.list(entry.points, `${field}.points`, 10_000_000)?.map((item, i) => {
    const point = r.object(item, `${field}.points[${i}]`);
    if (!point) return undefined;
    const draw = r.integer(point.draw, `${field}.points[${i}].draw`, 0, maxDraws - 1);
    const variable = r.text(point.variable, `${field}.points[${i}].variable`);
    const year = r.integer(point.year, `${field}.points[${i}].year`, 1900, 2200);
    if (typeof point.value !== 'number') r.problem(`${field}.points[${i}].value`, 'be a number', point.value);
    return draw === undefined || variable === undefined || year === undefined || typeof point.value !== 'number' ? undefined : { draw, variable, year, value: point.value };
  });
  if (scenario === undefined || draws === undefined || seed === undefined || !state || !points || points.some((p) => !p)) return undefined;
  return { scenario, draws, seed, state, points: points as DrawPoint[] };
}

function readState(r: PartReader, value: unknown, field: string): ScenarioState | undefined {
  const state = r.object(value, field);
  if (!state) return undefined;
  const blocks = r.list(state.blocks, `${field}.blocks`, maxBlocks)?.map((b, i) => r.integer(b, `${field}.blocks[${i}]`, 0, maxBlocks - 1));
  const n = blocks?.length;
  const summaries = r.list(state.summaries, `${field}.summaries`, 1_000_000)?.map((item, i) => {
    const at = `${field}.summaries[${i}]`;
    const summary = r.object(item, at);
    if (!summary) return undefined;
    const variable = r.text(summary.variable, `${at}.variable`);
    const year = r.integer(summary.year, `${at}.year`, 1900, 2200);
    const sums = r.object(summary.sums, `${at}.sums`);
    const total = sums && (r.array(sums.sums, `${at}.sums.sums`, 'f64', n) as Float64Array | undefined);
    const compensations = sums && (r.array(sums.compensations, `${at}.sums.compensations`, 'f64', n) as Float64Array | undefined);
    const quantiles = readQuantiles(r, summary.quantiles, `${at}.quantiles`);
    return variable === undefined || year === undefined || !total || !compensations || !quantiles ? undefined : { variable, year, sums: { sums: total, compensations }, quantiles };
  });
  const trackers = r.list(state.trackers, `${field}.trackers`, 100_000)?.map((item, i) => {
    const at = `${field}.trackers[${i}]`;
    const tracker = r.object(item, at);
    if (!tracker) return undefined;
    const target = r.text(tracker.target, `${at}.target`);
    const trackerState = readTracker(r, tracker.state, `${at}.state`);
    return target === undefined || !trackerState ? undefined : { target, state: trackerState };
  });
  if (!blocks || blocks.some((b) => b === undefined) || !summaries || summaries.some((s) => !s) || !trackers || trackers.some((t) => !t)) return undefined;
  return { blocks: blocks as number[], summaries: summaries as ScenarioState['summaries'][number][], trackers: trackers as ScenarioState['trackers'][number][] };
}

function readQuantiles(r: PartReader, value: unknown, field: string): QuantileState | undefined {
  const q = r.object(value, field);
  if (!q) return undefined;
  const nanCount = r.integer(q.nanCount, `${field}.nanCount`, 0, maxDraws);
  if (q.kind === 'exact') {
    const values = r.array(q.values, `${field}.values`, 'f64') as Float64Array | undefined;
    return values && nanCount !== undefined ? { kind: 'exact', values, nanCount } : undefined;
  }
  if (q.kind === 'histogram') {
    const counts = r.array(q.counts, `${field}.counts`, 'i32') as Int32Array | undefined;
    const count = r.integer(q.count, `${field}.count`, 0, maxDraws);
    return counts && count !== undefined && nanCount !== undefined ? { kind: 'histogram', counts, count, nanCount } : undefined;
  }
  return r.problem(`${field}.kind`, 'be "exact" or "histogram"', q.kind);
}

function readTracker(r: PartReader, value: unknown, field: string): TrackerState | undefined {
  const t = r.object(value, field);
  if (!t) return undefined;
  const begun = r.integer(t.begun, `${field}.begun`, 0, maxDraws);
  const c = r.object(t.counts, `${field}.counts`);
  const count = (key: string) => (c ? r.integer(c[key], `${field}.counts.${key}`, 0, maxDraws) : undefined);
  const counts = { finite: count('finite'), met: count('met'), below: count('below'), above: count('above'), aspiration: count('aspiration'), seen: count('seen'), consistent: count('consistent') };
  const pairs = (key: 'passage' | 'metInYear') =>
    r.list(t[key], `${field}.${key}`, 400)?.map((item, i) => {
      const pair = r.list(item, `${field}.${key}[${i}]`, 2);
      const year = pair && r.integer(pair[0], `${field}.${key}[${i}][0]`, 1900, 2200);
      const n = pair && r.integer(pair[1], `${field}.${key}[${i}][1]`, 0, maxDraws);
      return year === undefined || n === undefined ? undefined : ([year, n] as const);
    });
  const passage = pairs('passage');
  const metInYear = pairs('metInYear');
  const judged = readQuantiles(r, t.judged, `${field}.judged`);
  const growthFactors = t.growthFactors === undefined ? undefined : readQuantiles(r, t.growthFactors, `${field}.growthFactors`);
  if (begun === undefined || Object.values(counts).some((v) => v === undefined) || !passage || passage.some((p) => !p) || !metInYear || metInYear.some((p) => !p) || !judged) return undefined;
  if (t.growthFactors !== undefined && !growthFactors) return undefined;
  return {
    begun,
    counts: counts as TrackerState['counts'],
    passage: passage as (readonly [number, number])[],
    metInYear: metInYear as (readonly [number, number])[],
    judged,
    ...(growthFactors ? { growthFactors } : {}),
  };
}
