// Kind `cagr`: compound average growth over a window ("年均增长10%以上").
import type { Target } from '../../data/types.js';
import { boundWords } from '../bound-words.js';
import { windowFields } from './growth-each-year.js';
import type { TargetKindDefinition } from './target-kind.js';

export const cagrKind: TargetKindDefinition = {
  name: 'cagr',
  labelZh: '年均增速',
  labelEn: 'CAGR',
  keys: ['fromYear'],
  unit: 'rate',
  judged: 'cagr',
  passage: 'none',
  parse: (_item, context) => windowFields(context),
  describe: (target: Target) => `compound growth a year from ${(target.fromYear ?? target.year) - 1} to ${target.year} ${boundWords(target)}`,
};
