// A scratch copy of the project whose model gives the AI radiating industry (a formula no target
// reads) another formula, and a scenario `probe` that runs it: how tests make a variable go NaN.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './project.js';

/** The shipped formula the probe replaces. */
const shippedFormula = 'formula: aiCoreIndustry * radiatingMultiplier';

/**
 * Copies data/, models/ and scenarios/ to a new temporary folder, writes models/probe.yaml (the
 * shipped model with aiRadiatingIndustry's formula replaced by `formula`) and scenarios/probe.yaml
 * (the baseline on that model, at `draws`).
 * @returns the folder
 */
export function probeProject(formula: string, draws = 200): string {
  const project = mkdtempSync(join(tmpdir(), 'probe-'));
  for (const folder of ['data', 'models', 'scenarios']) cpSync(join(projectRoot, folder), join(project, folder), { recursive: true });
  const model = readFileSync(join(projectRoot, 'models', 'beijing.yaml'), 'utf8');
  if (!model.includes(shippedFormula)) throw new Error(`models/beijing.yaml no longer says "${shippedFormula}": update the probe`);
  writeFileSync(join(project, 'models', 'probe.yaml'), model.replace(shippedFormula, `formula: ${formula}`));
  writeFileSync(join(project, 'scenarios', 'probe.yaml'), `scenario: probe\nextends: baseline\ndraws: ${draws}\nmodel: ../models/probe.yaml\n`);
  return project;
}
