// Kind `level`: the level of a quantity in the target year ("人工智能核心产业规模达到3000亿元").
import type { Target } from '../../data/types.js';
import { boundWords } from '../bound-words.js';
import type { TargetKindDefinition } from './target-kind.js';

export const levelKind: TargetKindDefinition = {
  name: 'level',
  labelZh: '水平',
  labelEn: 'level in year',
  keys: [],
  unit: 'level',
  judged: 'level',
  passage: 'toHorizon',
  parse: () => ({}),
  describe: (target: Target) => `the level in ${target.year} ${boundWords(target)}`,
};
