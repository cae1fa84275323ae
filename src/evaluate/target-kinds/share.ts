// Kind `share`: a share in percent in the target year ("增加值占GDP比重超过11%").
import type { Target } from '../../data/types.js';
import { boundWords } from '../bound-words.js';
import type { TargetKindDefinition } from './target-kind.js';

export const shareKind: TargetKindDefinition = {
  name: 'share',
  labelZh: '占比',
  labelEn: 'share',
  keys: [],
  unit: 'share',
  judged: 'level',
  passage: 'toHorizon',
  parse: () => ({}),
  describe: (target: Target) => `the share in ${target.year} ${boundWords(target)}`,
};
