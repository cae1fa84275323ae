// Kind `growthEachYear`: every year of a window grows at least at a rate ("持续保持10%以上增长").
import type { Target } from '../../data/types.js';
import { boundWords } from '../bound-words.js';
import type { KindParseContext, TargetKindDefinition } from './target-kind.js';

export const growthEachYearKind: TargetKindDefinition = {
  name: 'growthEachYear',
  labelZh: '每年增速',
  labelEn: 'growth every year',
  keys: ['fromYear'],
  unit: 'rate',
  judged: 'minimumGrowth',
  passage: 'none',
  parse: (_item, context: KindParseContext) => windowFields(context),
  describe: (target: Target) => `growth in every year ${target.fromYear}–${target.year} ${boundWords(target)}`,
};

/** Reads `fromYear` (required, not after `year`). */
export function windowFields(context: KindParseContext): { fromYear?: number } {
  const fromYear = context.year('fromYear', true);
  if (fromYear !== undefined && context.targetYear !== undefined && fromYear > context.targetYear) {
    context.problem('fromYear', `not be after year (${context.targetYear})`, fromYear);
    return {};
  }
  return fromYear === undefined ? {} : { fromYear };
}
