// sweep-effects.csv against numpy, end to end: a design's sweep is run, and its partial rank
// correlations are computed again from sweep.csv by their definition — the correlation of the
// residuals of the ranked column and the ranked P(met) (or median) after least squares on the other
// ranked columns — and the R² of each target's rank regression on every column, in numpy (pandas
// for the midranks). Skipped locally without a Python that imports
// pandas; under CI (which installs Debian's python3-pandas) it runs.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDir } from '../helpers/project.js';
import { readCsv, runCli } from './planner-helpers.js';

const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find((p) => p && spawnSync(p, ['-c', 'import pandas, numpy'], { encoding: 'utf8' }).status === 0);

const prccByResiduals = `
import json, sys
import numpy as np, pandas as pd
sweep = pd.read_csv(sys.argv[1] + "/sweep.csv")
paths = [c for c in sweep.columns if c.startswith("assumptions.")]
out = {}
for target, g in sweep[sweep.judgedOn == "projection"].groupby("target"):
    for measure in ["probabilityMet", "p50"]:
        ranks = g[paths + [measure]].rank(method="average").to_numpy(float)
        if np.ptp(ranks[:, -1]) == 0:
            continue
        whole = np.column_stack([np.ones(len(g)), ranks[:, :-1]])
        residual = ranks[:, -1] - whole @ np.linalg.lstsq(whole, ranks[:, -1], rcond=None)[0]
        out[f"{target}|R2|{measure}"] = float(1 - (residual ** 2).sum() / ((ranks[:, -1] - ranks[:, -1].mean()) ** 2).sum())
        for j, path in enumerate(paths):
            others = np.column_stack([np.ones(len(g)), np.delete(ranks[:, :-1], j, axis=1)])
            rx = ranks[:, j] - others @ np.linalg.lstsq(others, ranks[:, j], rcond=None)[0]
            ry = ranks[:, -1] - others @ np.linalg.lstsq(others, ranks[:, -1], rcond=None)[0]
            if np.sqrt((ry ** 2).sum()) < 1e-9 * len(g):
                continue  # the other columns explain it exactly: no partial correlation of its own
            out[f"{target}|{path}|{measure}"] = float(np.corrcoef(rx, ry)[0, 1])
print(json.dumps(out))
`;

describe('sweep-effects.csv', () => {
  it.skipIf(!python && !process.env.CI)('holds the partial rank correlations numpy computes from sweep.csv by their definition', async () => {
    expect(python, 'no Python with pandas: apt-get install python3-pandas (CI installs it)').toBeDefined();
    const out = freshDir();
    const { code, stderr } = await runCli(['sweep', 'scenarios/baseline.yaml', '--design', 'scenarios/designs/lhs-40.csv', '--draws', '600', '--threads', '1', '--quiet', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const script = join(out, 'prcc.py');
    writeFileSync(script, prccByResiduals);
    const result = spawnSync(python!, [script, out], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const reference = JSON.parse(result.stdout) as Record<string, number>;
    const rows = readCsv(out, 'sweep-effects.csv').rows.filter((r) => r.note === '' || r.prcc !== '');
    let compared = 0;
    for (const row of rows) {
      for (const [measure, column] of [['probabilityMet', 'prcc'], ['p50', 'prccP50']] as const) {
        const expected = reference[`${row.target}|${row.path}|${measure}`];
        if (expected === undefined) {
          expect(row[column], `${row.target} ${row.path} ${measure}`).toMatch(/^$|^-?1$/);
          continue;
        }
        expect(Number(row[column]), `${row.target} ${row.path} ${measure}`).toBeCloseTo(expected, 6);
        compared++;
      }
    }
    // The R² of each target's rank regression on every column, on each of its rows.
    for (const row of readCsv(out, 'sweep-effects.csv').rows) {
      for (const [measure, column] of [['probabilityMet', 'rankR2'], ['p50', 'rankR2P50']] as const) {
        const expected = reference[`${row.target}|R2|${measure}`];
        if (expected === undefined) expect(row[column]).toBe('');
        else expect(Number(row[column]), `${row.target} R² ${measure}`).toBeCloseTo(expected, 6);
      }
    }
    // Four projected targets move with the design (bj-ai-core-2027, bj-ai-unicorns-2027, bj-ai-industry-2026,
    // bj-ai-cluster-2030, bj-infosoft-revenue-2027): at least a dozen coefficients are compared.
    expect(compared).toBeGreaterThanOrEqual(12);
  });
});
