// docs/container/Dockerfile, carried out step by step on this machine: no registry can be reached
// here to pull its base image (node:20 on Debian bookworm, what this machine runs), so the test plays
// its instructions in a fresh folder standing for the image's WORKDIR — COPY copies from the project
// with Dockerfile.dockerignore applied, RUN runs — then runs the ENTRYPOINT with the CMD, and with
// `validate` and `--version`. What it does not play: the base image itself, USER and --chown (the
// files' owner). An instruction it does not know fails the test, so the recipe cannot drift from it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDir, projectRoot } from '../helpers/project.js';

const folder = join(projectRoot, 'docs', 'container');

/** The Dockerfile's instructions: keyword and arguments, comments and continuations folded. */
function instructions(text: string): { keyword: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** Whether a path of the project (relative, `/`-separated) is left out of the build context. */
function ignoredBy(patterns: readonly string[]): (path: string) => boolean {
  const matchers = patterns.map((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`));
  return (path) => matchers.some((m) => m.test(path));
}

describe('docs/container/Dockerfile', () => {
  it('builds the project as the README does, keeps no development dependency, and the image runs the default job', () => {
    const steps = instructions(readFileSync(join(folder, 'Dockerfile'), 'utf8'));
    const ignore = readFileSync(join(folder, 'Dockerfile.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    const ignored = ignoredBy(ignore);
    const image = freshDir('forecast-image-');
    let entrypoint: string[] = [];
    let command: string[] = [];
    for (const { keyword, args } of steps) {
      switch (keyword) {
        case 'FROM':
          // The base image runs the Node major this machine and the package's engines run.
          expect(args).toMatch(/^node:20-bookworm(-slim)?$/);
          expect(process.versions.node.split('.')[0]).toBe('20');
          break;
        case 'WORKDIR':
        case 'USER':
          break;
        case 'COPY': {
          const parts = args.split(/\s+/).filter((p) => !p.startsWith('--chown='));
          const destination = parts.pop()!;
          expect(destination === '.' || destination === './').toBe(true);
          for (const source of parts) {
            cpSync(join(projectRoot, source), source === '.' ? image : join(image, source), {
              recursive: true,
              filter: (from) => !ignored(relative(projectRoot, from).split('\\').join('/')),
            });
          }
          break;
        }
        case 'RUN': {
          if (args.startsWith('chown ')) break; // the owner of the WORKDIR: not played (see above)
          const run = spawnSync('sh', ['-c', args], { cwd: image, encoding: 'utf8' });
          expect(run.status, `RUN ${args}\n${run.stderr.slice(-2000)}`).toBe(0);
          break;
        }
        case 'ENTRYPOINT':
          entrypoint = JSON.parse(args) as string[];
          break;
        case 'CMD':
          command = JSON.parse(args) as string[];
          break;
        default:
          throw new Error(`docs/container/Dockerfile: ${keyword} is not played by this test; teach it, or keep to FROM, WORKDIR, USER, COPY, RUN, ENTRYPOINT and CMD`);
      }
    }
    // Nothing left out of the context reached the image: no local build, outputs or dependencies.
    for (const left of ['.git', 'out', '.out.versions']) expect(existsSync(join(image, left)), left).toBe(false);
    // The development dependencies are gone; the production ones the engine needs remain.
    for (const dev of ['typescript', 'vitest', 'esbuild', 'wabt']) expect(existsSync(join(image, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(image, 'node_modules', 'mathjs'))).toBe(true);

    const [program, ...first] = entrypoint;
    expect(program).toBe('node');
    const job = spawnSync(program, [...first, ...command, '--quiet'], { cwd: image, encoding: 'utf8' });
    expect(job.stderr).toBe('');
    expect(job.status).toBe(0);
    expect(readdirSync(join(image, 'out')).sort()).toEqual(['first-passage.csv', 'manifest.json', 'projections.csv', 'record.csv', 'required.csv', 'targets.csv']);
    const validate = spawnSync(program, [...first, 'validate'], { cwd: image, encoding: 'utf8' });
    expect(validate.status, validate.stderr).toBe(0);
    const version = spawnSync(program, [...first, '--version'], { cwd: image, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version);
  }, 240_000);
});
