// Kind `cumulative`: a flow summed over the years after a base year ("新培育独角兽企业5-10家").
import type { Target } from '../../data/types.js';
import { boundWords } from '../bound-words.js';
import type { TargetKindDefinition } from './target-kind.js';

export const cumulativeKind: TargetKindDefinition = {
  name: 'cumulative',
  labelZh: '累计',
  labelEn: 'cumulative',
  keys: ['baseYear'],
  unit: 'level',
  judged: 'cumulative',
  passage: 'toTargetYear',
  parse: (_item, context) => {
    const baseYear = context.year('baseYear', true);
    if (baseYear !== undefined && context.targetYear !== undefined && baseYear >= context.targetYear) {
      context.problem('baseYear', `be before year (${context.targetYear})`, baseYear);
      return {};
    }
    return baseYear === undefined ? {} : { baseYear };
  },
  describe: (target: Target) => `the sum over ${(target.baseYear ?? target.year - 1) + 1}–${target.year} ${boundWords(target)}`,
};
