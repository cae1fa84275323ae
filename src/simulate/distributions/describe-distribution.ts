// A distribution in one short line, for CSV cells and `forecast explain`.
import type { Distribution } from '../../model/distribution.js';

/**
 * `name(field=value, …)` with the fields in their declared order; a constant is just its value.
 * Numbers are shown with up to 6 significant digits.
 * @example describeDistribution({ dist: 'normal', mean: 0.18, sd: 0.04 }); // => 'normal(mean=0.18, sd=0.04)'
 * @example describeDistribution({ dist: 'constant', value: 6 }); // => '6'
 */
export function describeDistribution(distribution: Distribution): string {
  const show = (value: number) => String(Number(value.toPrecision(6)));
  if (distribution.dist === 'constant') return show(distribution.value);
  const fields = Object.entries(distribution)
    .filter(([key]) => key !== 'dist')
    .map(([key, value]) => `${key}=${show(value as number)}`);
  return `${distribution.dist}(${fields.join(', ')})`;
}
