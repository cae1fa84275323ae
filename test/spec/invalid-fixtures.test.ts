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
    "test/fixtures/invalid/model-bare-range.yaml:9:15  error  variables.revenue.params.growth must state a distribution, not a bare range, got \"5% to 10%\" (e.g. { dist: uniform, min: \"5%\", max: \"10%\" } or { dist: normal, p5: \"5%\", p95: \"10%\" })",
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
    "test/fixtures/invalid/model-many-problems.yaml:11:19  error  variables.revenue.params.volatility must state a distribution, not a bare range, got [0.02,0.06] (e.g. { dist: uniform, min: 0.02, max: 0.06 } or { dist: normal, p5: 0.02, p95: 0.06 })",
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
    'test/fixtures/invalid/model-param-out-of-range.yaml:9:19  error  variables.revenue.params.volatility must lie in [0, 5] (the range of compound volatility), got "uniform(min=-0.02, max=0.05)"',
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
  // Hostile and careless inputs (issue 14) and units, shocks and validate = run (issue 10): each a
  // located input error. run-* fixtures go through everything `forecast run` checks, data-* folders
  // through the data checks (see render-fixture.ts).
  'data-bad-values': [
    "test/fixtures/invalid/data-bad-values/observations.csv:5  error  value must be at least 0 (a level is an amount, a count or a share), got \"-5\"",
    "test/fixtures/invalid/data-bad-values/observations.csv:6  error  value must be greater than 0 for an amount of money, got \"0\"",
    "test/fixtures/invalid/data-bad-values/observations.csv:7  error  value must be a finite number, got \"1e400\"",
    "test/fixtures/invalid/data-bad-values/observations.csv:8  error  yoyPercent must be greater than -100 and at most 100000 (a growth in percent), got \"1e300\"",
    "test/fixtures/invalid/data-bad-values/observations.csv:9  error  value must be at least 0 (a level is an amount, a count or a share), got \"-1\"",
  ],
  'data-csv-injection': [
    "test/fixtures/invalid/data-csv-injection/series.csv:4  error  region must be a name that does not begin with =, +, -, @, a tab or a carriage return and holds no control character (it is written to CSV as it is), got \"+Beijing\"",
    "test/fixtures/invalid/data-csv-injection/sources.csv:4  error  id must be a name that does not begin with =, +, -, @, a tab or a carriage return and holds no control character (it is written to CSV as it is), got \"=cmd|' /C calc'!A0\"",
  ],
  'data-sources-header-typo': [
    "test/fixtures/invalid/data-sources-header-typo/sources.csv:1  error  header must include the column \"publisher\", got id,title,publsher,date,location",
  ],
  'data-target-variable-typo': [
    "test/fixtures/invalid/data-target-variable-typo/targets.yaml:1  error  bj-x-2027.variable must name a variable of a model (aiCoreIndustry, aiCoreShareOfNational, aiRadiatingIndustry, aiUnicornExits, aiUnicornStock, beijingGdp, beijingRatioToNational, cumulativeAiUnicorns, highLevelScholars, infoSoftwareRevenue, infoSoftwareVaShare, infoSoftwareValueAdded, jlAutoIndustry, jlIndustrialOutput, nationalAiCoreIndustry, nationalSoftwareRevenue, newAiUnicorns, suzhouRobotIndustry), got \"infoSoftwareRevenu\" (did you mean \"infoSoftwareRevenue\"?)",
  ],
  'model-formula-prototype-name.yaml': [
    "test/fixtures/invalid/model-formula-prototype-name.yaml:10:14  error  variables.same.formula must use only the functions exp, log, sqrt, abs, min, max, pow, floor, ceil, round, lag, got \"constructor\"",
    "  10 |     formula: constructor(core) + toString(core) + valueOf(core)",
    "     |              ^^^^^^^^^^^",
    "test/fixtures/invalid/model-formula-prototype-name.yaml:10:34  error  variables.same.formula must use only the functions exp, log, sqrt, abs, min, max, pow, floor, ceil, round, lag, got \"toString\"",
    "  10 |     formula: constructor(core) + toString(core) + valueOf(core)",
    "     |                                  ^^^^^^^^",
    "test/fixtures/invalid/model-formula-prototype-name.yaml:10:51  error  variables.same.formula must use only the functions exp, log, sqrt, abs, min, max, pow, floor, ceil, round, lag, got \"valueOf\"",
    "  10 |     formula: constructor(core) + toString(core) + valueOf(core)",
    "     |                                                   ^^^^^^^",
  ],
  'model-formula-too-long.yaml': [
    "test/fixtures/invalid/model-formula-too-long.yaml:10:14  error  variables.total.formula must be at most 2000 characters long, got 28004 (a limit against resource exhaustion: FORECAST_LIMIT_FORMULA_LENGTH raises it)",
    "  10 |     formula: core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + core + …",
    "     |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
  ],
  'run-bare-range-of-a-rate.yaml': [
    "test/fixtures/invalid/run-bare-range-of-a-rate.yaml:5:13  error  assumptions.aiCoreIndustry.growth must state a distribution, not a bare range, got \"5 to 10\" (e.g. { dist: uniform, min: \"5%\", max: \"10%\" } or { dist: normal, p5: \"5%\", p95: \"10%\" })",
    "   5 |     growth: 5 to 10",
    "     |             ^^^^^^^",
  ],
  'run-calibration-impossible.yaml': [
    "test/fixtures/invalid/run-models/calibration-impossible.yaml:4:3  error  variables.aiCoreIndustry (law ensemble): full-year levels must cover at least 6 consecutive years ending at the base year for law ensemble, got 2 (use law compound for short histories)",
    "   4 |   aiCoreIndustry:",
    "     |   ^^^^^^^^^^^^^^^",
  ],
  'run-duplicate-name.yaml': [
    "test/fixtures/invalid/run-duplicate-name.yaml:1:11  error  scenario must be unique among the scenarios of one run, got \"baseline\" again (first in scenarios/baseline.yaml)",
    "   1 | scenario: baseline",
    "     |           ^^^^^^^^",
  ],
  'run-extends-device.yaml': [
    "test/fixtures/invalid/run-extends-device.yaml:3:10  error  extends must name a scenario file that can be read, got \"links/zero.yaml\" (it lies outside the project folder and the folders named on the command line)",
    "   3 | extends: links/zero.yaml",
    "     |          ^^^^^^^^^^^^^^^",
  ],
  'run-formula-nan.yaml': [
    "test/fixtures/invalid/run-models/formula-nan.yaml:11:14  error  variables.shrinking.formula must give a finite number in every draw, got NaN in 100 of 100 draws in 2026 (sqrt and log of a negative number, 0/0 and overflow give NaN or Infinity: guard them, e.g. max(x, 0))",
  ],
  'run-growth-as-bare-percent.yaml': [
    "test/fixtures/invalid/run-growth-as-bare-percent.yaml:5:35  error  assumptions.aiCoreIndustry.growth.mean must lie in [-1, 1], the plausible range of compound growth (a rate per year: 0.25 or \"25%\"), got 25 (did you mean \"25%\"?)",
    "   5 |     growth: { dist: normal, mean: 25, sd: 5 }",
    "     |                                   ^^",
    "test/fixtures/invalid/run-growth-as-bare-percent.yaml:5:43  error  assumptions.aiCoreIndustry.growth.sd must be at most 2, the width of the plausible range of compound growth (a rate per year: 0.25 or \"25%\"), got 5 (did you mean \"5%\"?)",
    "   5 |     growth: { dist: normal, mean: 25, sd: 5 }",
    "     |                                           ^",
  ],
  'run-horizon-before-base.yaml': [
    "test/fixtures/invalid/run-horizon-before-base.yaml:3:10  error  horizon must be after the base year of every variable (2025, the last year on record of infoSoftwareRevenue), got 2023",
    "   3 | horizon: 2023",
    "     |          ^^^^",
  ],
  'run-model-a-folder.yaml': [
    "test/fixtures/invalid/run-model-a-folder.yaml:3:8  error  model must name a model file that can be read, got \"a-folder.yml\" (it is a directory, not a file)",
    "   3 | model: a-folder.yml",
    "     |        ^^^^^^^^^^^^",
  ],
  'run-model-missing.yaml': [
    "test/fixtures/invalid/run-model-missing.yaml:3:8  error  model must name a model file that can be read, got \"../../../models/beijng.yaml\" (looked for models/beijng.yaml; did you mean \"beijing.yaml\"?)",
    "   3 | model: ../../../models/beijng.yaml",
    "     |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^",
  ],
  'run-model-not-yaml.yaml': [
    "test/fixtures/invalid/run-model-not-yaml.yaml:3:8  error  model must name a YAML file (.yaml or .yml), got \"/etc/passwd\"",
    "   3 | model: /etc/passwd",
    "     |        ^^^^^^^^^^^",
  ],
  'run-model-outside-project.yaml': [
    "test/fixtures/invalid/run-model-outside-project.yaml:4:8  error  model must name a model file that can be read, got \"outside.yml\" (it lies outside the project folder and the folders named on the command line)",
    "   4 | model: outside.yml",
    "     |        ^^^^^^^^^^^",
  ],
  'run-negative-start.yaml': [
    "test/fixtures/invalid/run-negative-start.yaml:5:5  error  assumptions.aiCoreIndustry.start must be greater than 0 (law compound works on the log scale of the level), got \"-5\"",
    "   5 |     start: -5",
    "     |     ^^^^^",
  ],
  'run-proto-key.yaml': [
    "test/fixtures/invalid/run-proto-key.yaml:4:3  error  assumptions.__proto__ must not be a name every JavaScript object already has (__proto__, constructor, toString, …), got \"__proto__\"",
    "   4 |   __proto__:",
    "     |   ^^^^^^^^^",
  ],
  'run-series-typo.yaml': [
    "test/fixtures/invalid/run-models/series-typo.yaml:6:13  error  variables.aiCoreIndustry.series must name a known series (data/series.csv), got \"bj.ai.cor\" (did you mean \"bj.ai.core\"?)",
    "   6 |     series: bj.ai.cor",
    "     |             ^^^^^^^^^",
    "test/fixtures/invalid/run-models/series-typo.yaml:8:55  error  variables.aiCoreIndustry.calibrate.growthSeries[1] must name a known series (data/series.csv), got \"cn.ai.cores\" (did you mean \"cn.ai.core\"?)",
    "   8 |     calibrate: { growthSeries: [bj.ai.related.output, cn.ai.cores] }",
    "     |                                                       ^^^^^^^^^^^^^^",
  ],
  'run-shock-before-base-year.yaml': [
    "test/fixtures/invalid/run-shock-before-base-year.yaml:4:39  error  shocks[0].year must lie in the simulated years of aiCoreIndustry (2026–2030), got 2019 (years up to 2025 are on record: a shock there would change nothing)",
    "   4 |   - { variable: aiCoreIndustry, year: 2019, growth: \"-30%\", note: a year on record }",
    "     |                                       ^^^^",
  ],
  'run-shock-minus-150.yaml': [
    "test/fixtures/invalid/run-shock-minus-150.yaml:4:57  error  shocks[0].level must lie above -100% (a hit of -100% or more would make the level zero or negative), got \"-1.5\"",
    "   4 |   - { variable: infoSoftwareRevenue, year: 2025, level: \"-150%\" }",
    "     |                                                         ^^^^^^^",
    "test/fixtures/invalid/run-shock-minus-150.yaml:5:53  error  shocks[1].growth must lie above -100% (a hit of -100% or more would make the level zero or negative), got \"-2\"",
    "   5 |   - { variable: aiCoreIndustry, year: 2026, growth: -2 }",
    "     |                                                     ^^",
  ],
  'run-shock-outside-horizon.yaml': [
    "test/fixtures/invalid/run-shock-outside-horizon.yaml:4:39  error  shocks[0].year must not be after the horizon (2030), got 2031",
    "   4 |   - { variable: aiCoreIndustry, year: 2031, growth: \"-30%\" }",
    "     |                                       ^^^^",
  ],
  'run-zero-start.yaml': [
    "test/fixtures/invalid/run-zero-start.yaml:5:5  error  assumptions.infoSoftwareRevenue.start must be greater than 0 (law compound works on the log scale of the level), got \"0\"",
    "   5 |     start: 0",
    "     |     ^^^^^",
  ],
  'scenario-alias-bomb.yaml': [
    "test/fixtures/invalid/scenario-alias-bomb.yaml:7:10  error  file must expand YAML aliases (*name) at most 100 times, got more from 80 aliases (a limit against resource exhaustion: FORECAST_LIMIT_YAML_ALIASES raises it)",
    "   7 | l1: &l1 [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
    "     |          ^",
  ],
  'scenario-deep-nesting.yaml': [
    "test/fixtures/invalid/scenario-deep-nesting.yaml:6:169  error  file must nest maps and lists at most 32 levels deep, got deeper (a limit against resource exhaustion: FORECAST_LIMIT_YAML_DEPTH raises it)",
    "   6 | …{ a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: 1 } } } } } } } } } } } } } } } } }…",
    "     |                                                                                  ^",
  ],
  'scenario-formula-like-name.yaml': [
    "test/fixtures/invalid/scenario-formula-like-name.yaml:1:11  error  scenario must be a name that does not begin with =, +, -, @, a tab or a carriage return and holds no control character (it is written to CSV as it is), got \"=1+2\"",
    "   1 | scenario: \"=1+2\"",
    "     |           ^^^^^^",
  ],
  'scenario-huge-count-mean.yaml': [
    "test/fixtures/invalid/scenario-huge-count-mean.yaml:8:5  error  assumptions.unicorns.mean must lie in [0, 1000000000] (the range of negativeBinomial mean), got \"1e+308\"",
    "   8 |     mean: 1e308",
    "     |     ^^^^",
    "test/fixtures/invalid/scenario-huge-count-mean.yaml:10:5  error  assumptions.revenue.volatility must lie in [0, 5] (the range of compound volatility), got \"1000000\"",
    "  10 |     volatility: 1e6",
    "     |     ^^^^^^^^^^",
  ],
  'scenario-undefined-alias.yaml': [
    "test/fixtures/invalid/scenario-undefined-alias.yaml:4:8  error  draws must name an anchor set before it, got \"*nothing\"",
    "   4 | draws: *nothing",
    "     |        ^",
  ],
};

describe('invalid fixtures', () => {
  it('every file in test/fixtures/invalid has its expected messages here', () => {
    expect(readdirSync('test/fixtures/invalid').filter((name) => name.endsWith('.yaml') || name.startsWith('data-')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s reports its problems with file:line:col and a code frame', (name, lines) => {
    expect(renderFixtureProblems(`test/fixtures/invalid/${name}`)).toBe(lines.join('\n'));
  });
});
