// Loads report.html in headless Chromium: no errors, every chart drawn, nothing clipped, screenshots and an A4 print.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDir, projectRoot } from '../helpers/project.js';
import { pngSummary } from './png-summary.js';

/** Where the screenshots are kept (a CI artefact). */
const artefacts = join(projectRoot, 'out');
const inCi = Boolean(process.env.CI);

/** Debian's `chromium` (CI: `apt-get install -y chromium fonts-noto-cjk`), or $CHROMIUM_PATH. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}
const chromium = findChromium();

/** The engine runs end to end once data/ holds the observations; until then the test uses a synthetic run. */
function engineReady(): boolean {
  return existsSync(join(projectRoot, 'data', 'observations.csv'));
}

/**
 * Records, into attributes of <html> that --dump-dom shows: every error event (scripts and failed
 * resource loads), CSP violations (any network load: the report's CSP forbids them all), console
 * errors and warnings; and on load, each chart's box and how many of its visible texts poke out of it.
 * Injected before the report's CSP <meta>, so the policy does not apply to it.
 */
const recorder = `<script>(function () {
  var root = document.documentElement;
  var problems = [];
  function note(kind, text) { problems.push(kind + ': ' + text); root.setAttribute('data-problems', JSON.stringify(problems)); }
  window.addEventListener('error', function (e) { var t = e.target; note('error', e.message || (t && (t.src || t.href || t.tagName)) || 'unknown'); }, true);
  window.addEventListener('unhandledrejection', function (e) { note('rejection', String(e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { note('csp', e.violatedDirective + ' ' + e.blockedURI); });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () { note('console.' + level, Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };
  });
  window.addEventListener('load', function () {
    var figures = document.querySelectorAll('figure.chart-figure');
    var charts = [];
    for (var i = 0; i < figures.length; i++) {
      // The chart shown: fan and tornado figures hold a wide and a compact SVG, CSS shows one.
      var svgs = figures[i].querySelectorAll('svg.chart');
      var svg = svgs[0];
      for (var k = 0; k < svgs.length; k++) if (svgs[k].getBoundingClientRect().width > 0) svg = svgs[k];
      var box = svg.getBoundingClientRect();
      var texts = svg.querySelectorAll('text');
      var clipped = [];
      for (var j = 0; j < texts.length; j++) {
        if (texts[j].getAttribute('opacity') === '0' || !texts[j].textContent) continue;
        var r = texts[j].getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) clipped.push(texts[j].textContent);
      }
      charts.push({ chart: figures[i].getAttribute('data-chart'), svg: svg.getAttribute('class'), width: box.width, height: box.height, left: box.left, right: box.right, clipped: clipped });
    }
    root.setAttribute('data-layout', JSON.stringify({ viewport: root.clientWidth, scrollWidth: root.scrollWidth, charts: charts }));
    root.setAttribute('data-loaded', 'yes');
  });
})();</script>`;

interface Layout {
  readonly viewport: number;
  readonly scrollWidth: number;
  readonly charts: readonly { chart: string; svg: string; width: number; height: number; left: number; right: number; clipped: string[] }[];
}

function unescapeAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Runs headless Chromium with a fresh profile and no background traffic; returns stdout and stderr. */
function runChromium(args: readonly string[]): { stdout: string; stderr: string } {
  const profile = freshDir('report-chromium-profile-');
  const result = spawnSync(
    chromium!,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--disable-extensions', '--hide-scrollbars', '--mute-audio',
      `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0',
      ...args,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr };
}

/** Console lines Chromium logs for the page (CSP refusals, uncaught errors, console.*). */
function consoleLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /CONSOLE|Uncaught/.test(line));
}

/** The charts in a DOM: name → the markup of its figure. */
function figures(dom: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of dom.matchAll(/<figure class="chart-figure" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)) found.set(match[1], match[2]);
  return found;
}

describe.skipIf(!chromium && !inCi)('report.html in headless Chromium', () => {
  let reportFile = '';
  let reportHtml = '';
  let specNames: string[] = [];
  let fromRealRun = false;

  beforeAll(async () => {
    if (!chromium) {
      throw new Error('Chromium not found ($CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): CI must `apt-get install -y chromium fonts-noto-cjk`');
    }
    const out = freshDir('report-browser-');
    if (engineReady()) {
      // A real run of the project's own scenarios, through the CLI.
      const { main } = await import('../../src/cli/main.js');
      const { memoryIo } = await import('../../src/cli/cli-io.js');
      // With the tornado charts of a sensitivity run, so every kind of chart is loaded.
      const sensitivityIo = memoryIo(projectRoot);
      expect(await main(['sensitivity', 'scenarios/baseline.yaml', '--draws', '300', '--threads', '1', '--quiet', '--out', out], sensitivityIo)).toBe(0);
      const io = memoryIo(projectRoot);
      const code = await main(['report', '--draws', '2000', '--quiet', '--out', out, '--sensitivity', join(out, 'sensitivity.csv')], io);
      expect(io.err.join(''), 'forecast report printed to stderr').toBe('');
      expect(code).toBe(0);
      specNames = readdirSync(join(out, 'charts')).map((f) => f.replace(/\.vl\.json$/, ''));
      fromRealRun = true;
    } else {
      const { buildReport } = await import('../../src/report/build-report.js');
      const { syntheticData, syntheticResults, syntheticSensitivity } = await import('../report/fixtures/synthetic-run.js');
      const report = await buildReport(syntheticResults, syntheticData, { sensitivity: syntheticSensitivity });
      writeFileSync(join(out, 'report.html'), report.html);
      specNames = Object.keys(report.specs);
    }
    reportHtml = readFileSync(join(out, 'report.html'), 'utf8');
    reportFile = join(out, 'report-instrumented.html');
    expect(reportHtml).toContain('<meta charset="utf-8">');
    writeFileSync(reportFile, reportHtml.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${recorder}`));
    mkdirSync(artefacts, { recursive: true });
  }, 180_000);

  function load(width: number) {
    const { stdout, stderr } = runChromium([`--window-size=${width},3000`, '--dump-dom', pathToFileURL(reportFile).href]);
    const attribute = (name: string) => {
      const match = new RegExp(`<html[^>]*\\s${name}="([^"]*)"`).exec(stdout);
      return match ? unescapeAttribute(match[1]) : undefined;
    };
    return { dom: stdout, stderr, problems: attribute('data-problems'), loaded: attribute('data-loaded'), layout: JSON.parse(attribute('data-layout') ?? 'null') as Layout | null };
  }

  it(`loads with no errors, console messages or blocked network loads (${engineReady() ? 'a real run' : 'engine pending: a synthetic run'})`, () => {
    expect(fromRealRun).toBe(engineReady());
    const page = load(1200);
    expect(page.loaded, 'the load event ran').toBe('yes');
    expect(page.problems, 'errors recorded in the page').toBeUndefined();
    expect(consoleLines(page.stderr), 'console lines logged by Chromium').toEqual([]);
  });

  it('draws marks in every chart, and the DOM holds every chart the run wrote a spec for', () => {
    const page = load(1200);
    const charts = figures(page.dom);
    expect([...charts.keys()].sort()).toEqual([...specNames].sort());
    for (const kind of ['fan-', 'first-passage-', 'tornado-']) expect(specNames.some((name) => name.startsWith(kind)), kind).toBe(true);
    for (const [name, markup] of charts) {
      const marks = markup.match(/class="mark-[a-z]+ role-mark/g)?.length ?? 0;
      const shapes = markup.match(/<(path|rect|circle|line|symbol)\b/g)?.length ?? 0;
      expect(marks, `${name}: mark groups`).toBeGreaterThan(0);
      expect(shapes, `${name}: drawn shapes`).toBeGreaterThan(5);
    }
  });

  it.each([1200, 420])('lays out at %i px: charts fill the column, no text sticks out of a chart, no sideways page scroll', (width) => {
    const { layout } = load(width);
    expect(layout).not.toBeNull();
    expect(layout!.scrollWidth, 'page scroll width').toBeLessThanOrEqual(layout!.viewport + 1);
    expect(layout!.charts.length).toBe(specNames.length);
    for (const chart of layout!.charts) {
      expect(chart.width, `${chart.chart} width`).toBeGreaterThan(width > 600 ? 250 : 150);
      expect(chart.height, `${chart.chart} height`).toBeGreaterThan(80);
      expect(chart.right, `${chart.chart} right edge`).toBeLessThanOrEqual(layout!.viewport + 1);
      expect(chart.clipped, `${chart.chart}: texts outside the chart`).toEqual([]);
      if (chart.chart.startsWith('fan-')) expect(chart.svg, `${chart.chart}: variant shown`).toBe(width > 640 ? 'chart chart-wide' : 'chart chart-compact');
    }
  });

  it.each([
    { width: 1200, file: 'report-screenshot.png' },
    { width: 420, file: 'report-screenshot-narrow.png' },
  ])('takes a $width px screenshot that is not blank ($file)', ({ width, file }) => {
    const tmp = join(freshDir('report-shot-'), file);
    runChromium([`--window-size=${width},3000`, `--screenshot=${tmp}`, pathToFileURL(reportFile).href]);
    expect(existsSync(tmp), 'screenshot written').toBe(true);
    copyFileSync(tmp, join(artefacts, file));
    const png = pngSummary(readFileSync(tmp));
    expect([png.width, png.height]).toEqual([width, 3000]);
    expect(png.bytes).toBeGreaterThan(30_000);
    expect(png.inkShare, 'share of non-white pixels').toBeGreaterThan(0.03);
    expect(png.colours, 'distinct colours').toBeGreaterThan(100);
    expect(png.lumaSd, 'luma spread').toBeGreaterThan(15);
  });

  it('prints on A4, each major section on its own pages', () => {
    const pdfFile = join(freshDir('report-pdf-'), 'report.pdf');
    runChromium(['--no-pdf-header-footer', `--print-to-pdf=${pdfFile}`, pathToFileURL(reportFile).href]);
    const pdf = readFileSync(pdfFile).toString('latin1');
    copyFileSync(pdfFile, join(artefacts, 'report-print.pdf'));
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const sections = reportHtml.match(/<section class="major"/g)?.length ?? 0;
    expect(boxes.length, 'pages').toBeGreaterThanOrEqual(sections);
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
    for (const [w, h] of boxes) expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
  });

  it.runIf(inCi)('has a CJK font installed, so Chinese labels are not drawn as boxes (CI: apt-get install fonts-noto-cjk)', () => {
    const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    expect(list.stdout.trim(), 'fc-list :lang=zh').not.toBe('');
  });
});
