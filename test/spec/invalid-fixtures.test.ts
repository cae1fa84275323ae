import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFixtureProblems } from './render-fixture.js';

/**
 * Each invalid fixture with every problem it must report, rendered exactly as the CLI prints it
 * (file:line:col, message, hint, code frame). One fixture per rule; `model-many-problems.yaml`
 * checks that all problems in a file come at once.
 */
const expected: Record<string, string[]> = {
  'model-bad-distribution.yaml': [
    "test/fixtures/invalid/model-bad-distribution.yaml:9:51  error  variables.revenue.params.volatility.sd must be greater than 0, got -0.01",
    "   9 |       volatility: { dist: normal, mean: 0.03, sd: -0.01 }",
    "     |                                                   ^^^^^",
  ],
  'model-bare-range.yaml': [
    "test/fixtures/invalid/model-bare-range.yaml:9:15  error  variables.revenue.params.growth must state a distribution, not a bare range, got \"5% to 10%\" (e.g. { dist: uniform, min: 5, max: 10 } or { dist: normal, p5: 5, p95: 10 })",
    "   9 |       growth: 5% to 10%",
    "     |               ^^^^^^^^^",
  ],
  'model-formula-cycle.yaml': [
    "test/fixtures/invalid/model-formula-cycle.yaml:6:14  error  variables.total.formula must not depend on itself in the same year, got total → core → total (use lag(x) for a variable's value a year before)",
    "   6 |     formula: core + rest",
    "     |              ^^^^^^^^^^^",
  ],
  'model-formula-unknown-function.yaml': [
    "test/fixtures/invalid/model-formula-unknown-function.yaml:10:21  error  variables.radiating.formula must use only the functions exp, log, sqrt, abs, min, max, pow, floor, ceil, round, lag, got \"sin\" (did you mean \"min\"?)",
    "  10 |     formula: core * sin(multiplier)",
    "     |                     ^^^",
  ],
  'model-formula-unknown-symbol.yaml': [
    "test/fixtures/invalid/model-formula-unknown-symbol.yaml:10:15  error  variables.radiating.formula must use only known variables and parameters, got \"cor\" (did you mean \"core\"?)",
    "  10 |     formula: \"cor * multiplier\"",
    "     |               ^^^",
  ],
  'model-many-problems.yaml': [
    "test/fixtures/invalid/model-many-problems.yaml:3:1  error  model file has an unknown key, got \"varibles\"",
    "   3 | varibles: {}",
    "     | ^^^^^^^^",
    "test/fixtures/invalid/model-many-problems.yaml:10:15  error  variables.revenue.params.growth.sd is required, got nothing",
    "  10 |       growth: { dist: normal, mean: \"10%\" }",
    "     |               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
    "test/fixtures/invalid/model-many-problems.yaml:11:19  error  variables.revenue.params.volatility must state a distribution, not a bare range, got [0.02,0.06] (e.g. { dist: uniform, min: 5, max: 10 } or { dist: normal, p5: 5, p95: 10 })",
    "  11 |       volatility: [0.02, 0.06]",
    "     |                   ^^^^^^^^^^^^",
    "test/fixtures/invalid/model-many-problems.yaml:14:24  error  variables.radiating.formula must use only known variables and parameters, got \"multiplier\"",
    "  14 |     formula: revenue * multiplier + lag(3)",
    "     |                        ^^^^^^^^^^",
    "test/fixtures/invalid/model-many-problems.yaml:14:37  error  variables.radiating.formula must call lag() with one variable name, got \"lag(3)\"",
    "  14 |     formula: revenue * multiplier + lag(3)",
    "     |                                     ^^^^^^",
  ],
  'model-no-series-or-start.yaml': [
    "test/fixtures/invalid/model-no-series-or-start.yaml:4:3  error  variables.scholars must have a series or a start, got neither (name a data series, or state a start: { year, value })",
    "   4 |   scholars:",
    "     |   ^^^^^^^^",
  ],
  'model-not-camel-case.yaml': [
    "test/fixtures/invalid/model-not-camel-case.yaml:4:3  error  variables.Revenue_total must be a camelCase name (a lowercase letter, then letters and digits), got \"Revenue_total\"",
    "   4 |   Revenue_total:",
    "     |   ^^^^^^^^^^^^^",
  ],
  'model-percent-misuse.yaml': [
    "test/fixtures/invalid/model-percent-misuse.yaml:9:15  error  variables.revenue.params.growth must be a number or a percent such as \"12%\", got \"12 %\" (write a percent as digits then \"%\", e.g. \"12%\" or \"-2.5%\")",
    "   9 |       growth: \"12 %\"",
    "     |               ^^^^^^",
  ],
  'model-percentile-order.yaml': [
    "test/fixtures/invalid/model-percentile-order.yaml:9:47  error  variables.revenue.params.growth.p95 must be greater than p5 (0.19), got \"13%\"",
    "   9 |       growth: { dist: normal, p5: \"19%\", p95: \"13%\" }",
    "     |                                               ^^^^^",
  ],
  'model-triangular-mode-outside.yaml': [
    "test/fixtures/invalid/model-triangular-mode-outside.yaml:8:55  error  variables.radiating.params.multiplier.mode must lie between min (2.5) and max (4), got 4.5",
    "   8 |       multiplier: { dist: triangular, min: 2.5, mode: 4.5, max: 4.0 }",
    "     |                                                       ^^^",
  ],
  'model-uniform-min-above-max.yaml': [
    "test/fixtures/invalid/model-uniform-min-above-max.yaml:9:48  error  variables.revenue.params.growth.max must be greater than min (0.08), got \"5%\"",
    "   9 |       growth: { dist: uniform, min: \"8%\", max: \"5%\" }",
    "     |                                                ^^^^",
  ],
  'model-unknown-dist.yaml': [
    "test/fixtures/invalid/model-unknown-dist.yaml:9:23  error  variables.revenue.params.growth.dist must be one of: normal, lognormal, uniform, triangular, pert, studentT, scaledInvChi, gamma, got \"gaussian\" (did you mean \"normal\"?)",
    "   9 |       growth: { dist: gaussian, mean: 0.1, sd: 0.02 }",
    "     |                       ^^^^^^^^",
  ],
  'model-unknown-key.yaml': [
    "test/fixtures/invalid/model-unknown-key.yaml:6:5  error  variables.revenue has an unknown key, got \"serie\" (did you mean \"series\"?)",
    "   6 |     serie: bj.revenue",
    "     |     ^^^^^",
  ],
  'model-unknown-law.yaml': [
    "test/fixtures/invalid/model-unknown-law.yaml:7:10  error  variables.revenue.law must be one of: compound, meanReverting, dampedTrend, logistic, gompertz, linear, poisson, negativeBinomial, ensemble, formula, got \"compund\" (did you mean \"compound\"?)",
    "   7 |     law: compund",
    "     |          ^^^^^^^",
  ],
  'model-unknown-param.yaml': [
    "test/fixtures/invalid/model-unknown-param.yaml:9:7  error  variables.revenue.params.growht must be a parameter of law compound (growth, volatility, persistence), got \"growht\" (did you mean \"growth\"?)",
    "   9 |       growht: 0.1",
    "     |       ^^^^^^",
  ],
  'model-param-out-of-range.yaml': [
    'test/fixtures/invalid/model-param-out-of-range.yaml:9:19  error  variables.revenue.params.volatility must be at least 0 (the range of compound volatility), got "uniform(min=-0.02, max=0.05)"',
    '   9 |       volatility: { dist: uniform, min: -0.02, max: 0.05 }',
    '     |                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  ],
  'scenario-param-out-of-range.yaml': [
    'test/fixtures/invalid/scenario-param-out-of-range.yaml:8:5  error  assumptions.revenue.persistence must lie in [0, 1] (the range of compound persistence), got "1.5"',
    '   8 |     persistence: 1.5',
    '     |     ^^^^^^^^^^^',
  ],
  'scenario-bad-draws.yaml': [
    "test/fixtures/invalid/scenario-bad-draws.yaml:4:8  error  draws must be a positive integer no greater than 10000000, got 20000000",
    "   4 | draws: 20000000",
    "     |        ^^^^^^^^",
  ],
  'scenario-bad-horizon.yaml': [
    "test/fixtures/invalid/scenario-bad-horizon.yaml:3:10  error  horizon must be an integer year, got 2030.5",
    "   3 | horizon: 2030.5",
    "     |          ^^^^^^",
  ],
  'scenario-driver-misuse.yaml': [
    "test/fixtures/invalid/scenario-driver-misuse.yaml:10:7  error  drivers.financing.loadings.radiating must name a variable with a law, got \"radiating\", a formula (core * multiplier) that moves with its inputs (load the variables its formula uses)",
    "  10 |       radiating: { growth: \"3%\" }",
    "     |       ^^^^^^^^^",
    "test/fixtures/invalid/scenario-driver-misuse.yaml:11:27  error  drivers.financing.loadings.unicorns.growth must load the rate of unicorns, a count (law negativeBinomial), got \"growth\" (write rate: instead)",
    "  11 |       unicorns: { growth: \"3%\" }",
    "     |                           ^^^^",
    "test/fixtures/invalid/scenario-driver-misuse.yaml:12:24  error  drivers.financing.loadings.revenue.rate must load the growth of revenue (law compound), got \"rate\" (write growth: instead)",
    "  12 |       revenue: { rate: 0.3 }",
    "     |                        ^^^",
  ],
  'scenario-law-cannot-take.yaml': [
    "test/fixtures/invalid/scenario-law-cannot-take.yaml:8:5  error  assumptions.radiating.law must not be given for a formula variable (core * multiplier), got \"compound\" (a formula variable moves with its inputs: switch their laws)",
    "   8 |     law: compound",
    "     |     ^^^",
    "test/fixtures/invalid/scenario-law-cannot-take.yaml:10:5  error  assumptions.unicorns.law must be a count law (poisson, negativeBinomial) for unicorns, which counts whole things, got \"logistic\"",
    "  10 |     law: logistic",
    "     |     ^^^",
  ],
  'scenario-law-leftover.yaml': [
    "test/fixtures/invalid/scenario-law-leftover.yaml:5:5  error  assumptions.revenue.law must leave no parameter that law logistic lacks, got growth from test/fixtures/valid/base.yaml:10:13 (remove it here with growth: null)",
    "   5 |     law: logistic",
    "     |     ^^^",
    "test/fixtures/invalid/scenario-law-leftover.yaml:5:5  error  assumptions.revenue.law must leave no parameter that law logistic lacks, got persistence from the model (test/fixtures/valid/small-model.yaml:6:3) (remove it here with persistence: null)",
    "   5 |     law: logistic",
    "     |     ^^^",
  ],
  'scenario-null-removes-nothing.yaml': [
    "test/fixtures/invalid/scenario-null-removes-nothing.yaml:6:5  error  assumptions.revenue.slope must remove a value the scenario inherits, got null (neither a scenario it extends nor the model sets slope for revenue)",
    "   6 |     slope: null",
    "     |     ^^^^^",
  ],
  'scenario-null-required.yaml': [
    "test/fixtures/invalid/scenario-null-required.yaml:3:10  error  horizon must keep a value (a scenario needs one; it removes 2030 of test/fixtures/valid/base.yaml:5), got null",
    "   3 | horizon: null",
    "     |          ^^^^",
  ],
  'scenario-null-start-required.yaml': [
    "test/fixtures/invalid/scenario-null-start-required.yaml:8:5  error  assumptions.core.start must keep a value (core has no series to start from), got null",
    "   8 |     start: null",
    "     |     ^^^^^",
  ],
  'scenario-extends-cycle-a.yaml': [
    "test/fixtures/invalid/scenario-extends-cycle-b.yaml:2:10  error  extends must not form a cycle, got test/fixtures/invalid/scenario-extends-cycle-a.yaml → test/fixtures/invalid/scenario-extends-cycle-b.yaml → test/fixtures/invalid/scenario-extends-cycle-a.yaml",
    "   2 | extends: scenario-extends-cycle-a",
    "     |          ^^^^^^^^^^^^^^^^^^^^^^^^",
  ],
  'scenario-extends-cycle-b.yaml': [
    "test/fixtures/invalid/scenario-extends-cycle-a.yaml:2:10  error  extends must not form a cycle, got test/fixtures/invalid/scenario-extends-cycle-b.yaml → test/fixtures/invalid/scenario-extends-cycle-a.yaml → test/fixtures/invalid/scenario-extends-cycle-b.yaml",
    "   2 | extends: scenario-extends-cycle-b",
    "     |          ^^^^^^^^^^^^^^^^^^^^^^^^",
  ],
  'scenario-extends-missing.yaml': [
    "test/fixtures/invalid/scenario-extends-missing.yaml:2:10  error  extends must name a scenario file that exists, got \"basline\" (looked for test/fixtures/invalid/basline.yaml)",
    "   2 | extends: basline",
    "     |          ^^^^^^^",
  ],
  'scenario-missing-model.yaml': [
    "test/fixtures/invalid/scenario-missing-model.yaml:1:1  error  model is required in the scenario or one it extends, got nothing",
    "   1 | scenario: missing-model",
    "     | ^",
  ],
  'scenario-non-integer-seed.yaml': [
    "test/fixtures/invalid/scenario-non-integer-seed.yaml:5:7  error  seed must be an integer from 0 to 9007199254740991, got 42.5",
    "   5 | seed: 42.5",
    "     |       ^^^^",
  ],
  'scenario-shock-unknown-variable.yaml': [
    "test/fixtures/invalid/scenario-shock-unknown-variable.yaml:8:17  error  shocks[1].variable must name a known variable of model small, got \"cores\" (did you mean \"core\"?)",
    "   8 |   - { variable: cores, year: 2026, level: -0.1 }",
    "     |                 ^^^^^",
  ],
  'scenario-shock-without-effect.yaml': [
    "test/fixtures/invalid/scenario-shock-without-effect.yaml:7:5  error  shocks[0] must give a growth or a level, got neither",
    "   7 |   - { variable: revenue, year: 2025, note: forgot the size }",
    "     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
  ],
  'scenario-unknown-key.yaml': [
    "test/fixtures/invalid/scenario-unknown-key.yaml:3:1  error  scenario file has an unknown key, got \"horizn\" (did you mean \"horizon\"?)",
    "   3 | horizn: 2030",
    "     | ^^^^^^",
  ],
  'scenario-unknown-param.yaml': [
    "test/fixtures/invalid/scenario-unknown-param.yaml:8:5  error  assumptions.revenue.volatilty must be a parameter of law compound (growth, volatility, persistence, start), got \"volatilty\" (did you mean \"volatility\"?)",
    "   8 |     volatilty: \"3%\"",
    "     |     ^^^^^^^^^",
  ],
  'scenario-unknown-variable.yaml': [
    "test/fixtures/invalid/scenario-unknown-variable.yaml:7:3  error  assumptions.revenu must name a known variable of model small, got \"revenu\" (did you mean \"revenue\"?)",
    "   7 |   revenu:",
    "     |   ^^^^^^",
  ],
};

describe('invalid fixtures', () => {
  it('every file in test/fixtures/invalid has its expected messages here', () => {
    expect(readdirSync('test/fixtures/invalid').filter((name) => name.endsWith('.yaml')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s reports its problems with file:line:col and a code frame', (name, lines) => {
    expect(renderFixtureProblems(`test/fixtures/invalid/${name}`)).toBe(lines.join('\n'));
  });
});
