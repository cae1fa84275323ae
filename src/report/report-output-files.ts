// The files a report is written as: report.html and charts/<name>.vl.json (for writeOutputsAtomically).
import type { OutputFile } from '../io/atomic-write.js';
import type { Report } from './build-report.js';

/** Folder of the chart specs inside the output folder. */
export const chartsFolder = 'charts';

/**
 * The output files of a built report: `report.html`, then one pretty-printed
 * `charts/<name>.vl.json` per chart in the report's order. Pass them to writeOutputsAtomically
 * together with any other outputs of the command.
 * @param report what buildReport returned
 * @returns the files, names relative to the output folder
 * @example reportOutputFiles(report).map((f) => f.name).slice(0, 2); // => ['report.html', 'charts/fan-info-software-revenue.vl.json']
 */
export function reportOutputFiles(report: Pick<Report, 'html' | 'specs'>): OutputFile[] {
  return [
    { name: 'report.html', content: report.html },
    ...Object.entries(report.specs).map(([name, spec]) => ({ name: `${chartsFolder}/${name}.vl.json`, content: JSON.stringify(spec, null, 2) + '\n' })),
  ];
}
