import { type ListenTimeConstants, secondsFor } from './estimate';
import type { ListenFeatures } from './spoken-form';

/**
 * Fits the estimate's constants to measured durations (least squares, no constant negative) and
 * says how far an estimate is from the measurements.
 */

export interface Measured {
  readonly features: ListenFeatures;
  readonly wordsPerMinute: number;
  readonly seconds: number;
}

const KEYS = ['perWord', 'perSyllable', 'perSpelled', 'perClausePause', 'perSentencePause'] as const satisfies readonly (keyof ListenTimeConstants)[];

/** The features each constant multiplies, in beats (a beat is 60 / words-per-minute seconds). */
function row(sample: Measured): number[] {
  const beat = 60 / sample.wordsPerMinute;
  const { words, syllables, spelled, clausePauses, sentencePauses } = sample.features;
  return [words, syllables, spelled, clausePauses, sentencePauses].map((count) => count * beat);
}

/** Solves the square system `matrix · x = vector` by Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((line, index) => [...line, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let candidate = column + 1; candidate < size; candidate += 1) {
      if (Math.abs(rows[candidate]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = candidate;
    }
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    const lead = rows[column]![column]!;
    if (Math.abs(lead) < 1e-12) throw new Error('listen time: the corpus cannot tell two constants apart (add replies with more variety)');
    for (let other = 0; other < size; other += 1) {
      if (other === column) continue;
      const factor = rows[other]![column]! / lead;
      for (let cell = column; cell <= size; cell += 1) rows[other]![cell]! -= factor * rows[column]![cell]!;
    }
  }
  return rows.map((line, index) => line[size]! / line[index]!);
}

/** The part of the constants measured elsewhere (pauses, from probes); the rest is fitted. */
export type FixedConstants = Partial<ListenTimeConstants>;

/** Least squares over the free constants; the others keep their fixed value (zero when none). */
function leastSquares(samples: readonly Measured[], free: readonly number[], fixed: readonly (number | undefined)[]): number[] {
  const normal = free.map(() => free.map(() => 0));
  const right = free.map(() => 0);
  for (const sample of samples) {
    const features = row(sample);
    const known = fixed.reduce<number>((sum, value, index) => sum + (value ?? 0) * features[index]!, 0);
    const target = sample.seconds - sample.features.breakSeconds - known;
    free.forEach((i, a) => {
      right[a]! += features[i]! * target;
      free.forEach((j, b) => (normal[a]![b]! += features[i]! * features[j]!));
    });
  }
  const solved = solve(normal, right);
  const all = fixed.map((value) => value ?? 0);
  free.forEach((index, position) => (all[index] = solved[position]!));
  return all;
}

/**
 * The constants that best predict the measured durations, with `fixed` ones kept as given; a
 * fitted one that would come out negative is zero.
 */
export function fitConstants(samples: readonly Measured[], fixed: FixedConstants = {}): ListenTimeConstants {
  const given = KEYS.map((key) => fixed[key]);
  let free = KEYS.map((_, index) => index).filter((index) => given[index] === undefined);
  let fitted = leastSquares(samples, free, given);
  while (free.some((index) => fitted[index]! < 0)) {
    free = free.filter((index) => fitted[index]! > 0);
    fitted = leastSquares(samples, free, given);
  }
  return Object.fromEntries(KEYS.map((key, index) => [key, Math.round(fitted[index]! * 1000) / 1000])) as unknown as ListenTimeConstants;
}

export interface FitError {
  readonly replies: number;
  /** |estimate − measured| / measured, median and largest. */
  readonly medianRelative: number;
  readonly maxRelative: number;
  /** Mean of (estimate − measured) / measured: positive when the estimate runs long. */
  readonly meanBias: number;
}

export function fitError(samples: readonly Measured[], constants: ListenTimeConstants): FitError {
  const relative = samples.map((sample) => (secondsFor(sample.features, sample.wordsPerMinute, constants) - sample.seconds) / sample.seconds);
  const absolute = relative.map(Math.abs).sort((a, b) => a - b);
  return {
    replies: samples.length,
    medianRelative: absolute[Math.floor((absolute.length - 1) / 2)] ?? 0,
    maxRelative: absolute.at(-1) ?? 0,
    meanBias: relative.reduce((sum, value) => sum + value, 0) / Math.max(1, relative.length),
  };
}
