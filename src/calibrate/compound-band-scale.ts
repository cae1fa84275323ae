// GENERATED from hindcasts of the compound law inside the training parts (never the test parts) of:
//   m3-yearly.csv (645 series)
//   tourism-yearly.csv (518 series)
// with H = 6 and 400 draws per hindcast. Regenerate with
//   npx tsc -p tsconfig.build.json && node dist/bench/band-floor.js --write src/calibrate/compound-band-scale.ts
// Do not edit by hand; test/calibrate/band-floor.test.ts re-derives it when the data is present.

import type { StoredBandScale } from './stored-band-scale.js';

/**
 * The compound law's band factor per length class of its evidence (bandFloor): c = ½[Q_0.8(|z|)/z_0.9 + Q_0.95(|z|)/z_0.975]
 * over rolling-origin hindcasts of windows of that class, |z| = |ln(y/median)| / (the law's own 80% band / 2z_0.9).
 * `byHorizon[c][L][k − 1]` is Q_L(|z|)/z_((1+L)/2) at horizon k alone; `hindcasts[c]` the class's own scores.
 * @example compoundBandScale.byLengthClass['<10'] > 1; // => true
 */
export const compoundBandScale: StoredBandScale = {
  horizon: 6,
  draws: 400,
  byLengthClass: { '<10': 1.4734, '10-13': 1.3184, '14-19': 1.1866, '>=20': 1.1858 },
  byHorizon: {
    '<10': { '80': [1.0709, 1.2077, 1.3065, 1.3143, 1.3881, 1.4142], '90': [1.2327, 1.3637, 1.5114, 1.5455, 1.538, 1.594], '95': [1.4365, 1.5056, 1.7091, 1.7662, 1.7546, 1.7996] },
    '10-13': { '80': [1.0108, 1.1177, 1.275, 1.3221, 1.3877, 1.5059], '90': [1.1047, 1.1833, 1.3301, 1.3666, 1.4407, 1.6001], '95': [1.2188, 1.2998, 1.3717, 1.4184, 1.4628, 1.5701] },
    '14-19': { '80': [0.9303, 1.0061, 1.128, 1.191, 1.1989, 1.1389], '90': [0.9822, 1.0465, 1.2414, 1.3008, 1.3926, 1.3523], '95': [1.0841, 1.1662, 1.3193, 1.4368, 1.4465, 1.4555] },
    '>=20': { '80': [1.0033, 1.0224, 1.1274, 1.189, 1.1885, 1.2392], '90': [1.0714, 1.1318, 1.2224, 1.3115, 1.3116, 1.3217], '95': [1.1433, 1.2013, 1.289, 1.4077, 1.4504, 1.4846] },
  },
  hindcasts: { '<10': 13319, '10-13': 11529, '14-19': 14387, '>=20': 11369 },
  borrowed: { '<10': false, '10-13': false, '14-19': false, '>=20': false },
};
