// Child process for the random-kill test: writes generation after generation of an output set into
// one folder with the engine's writeOutputsAtomically (compiled, dist/), until it is killed.
// Each file names its generation and ends with the length of what precedes it, so a reader can tell
// a torn file, a missing file and a mixed set apart.
import { writeOutputsAtomically } from '../../dist/src/io/atomic-write.js';

const [out, cwd, startText] = process.argv.slice(2);
const names = ['projections.csv', 'targets.csv', 'first-passage.csv', 'charts/fan-a.vl.json', 'report.html', 'manifest.json'];
// Sizes from 1 KB to 400 KB, so a write takes long enough for kills to land inside it.
const sizes = [400_000, 20_000, 5_000, 60_000, 150_000, 1_000];

export function fileContent(generation, index) {
  const body = `generation ${generation} file ${index}\n${'x'.repeat(sizes[index])}\n`;
  return `${body}length ${body.length}\n`;
}

process.stdout.write('ready\n');
for (let generation = Number(startText); ; generation++) {
  writeOutputsAtomically(out, names.map((name, index) => ({ name, content: fileContent(generation, index) })), { cwd });
  process.stdout.write(`wrote ${generation}\n`);
}
