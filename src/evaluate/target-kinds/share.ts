// Kind `share`: a share in percent in the target year ("增加值占GDP比重超过11%"); judged as a level.
import { boundWords } from '../bound-words.js';
import { judgeLevelOnRecord, levelNeed, trackLevel } from './level.js';
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
  describe: (target) => `the share in ${target.year} ${boundWords(target)}`,
  judgeOnRecord: judgeLevelOnRecord,
  need: levelNeed,
  track: trackLevel,
};
