// How many processors this process may keep busy: the ones it may run on (its affinity, which
// taskset, Slurm's cpusets and Docker's --cpuset-cpus narrow), bounded by the CPU time its control
// group may use (Kubernetes' `limits.cpu`, Docker's --cpus, systemd's CPUQuota). Node's
// availableParallelism reads only the first: a container limited to 2 CPUs of a 64-core node sees
// 64, and 64 threads there would spend most of their time throttled.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * Whole processors in a cgroup v2 `cpu.max` ("<quota> <period>" in µs, or "max <period>"):
 * ⌊quota / period⌋, at least 1; undefined when there is no limit or the text is not one.
 * @example cpuLimitOfCpuMax('200000 100000\n'); // => 2
 * @example cpuLimitOfCpuMax('max 100000\n'); // => undefined
 */
export function cpuLimitOfCpuMax(text: string): number | undefined {
  const match = /^(\d+|max) (\d+)\s*$/.exec(text);
  if (!match || match[1] === 'max') return undefined;
  return wholeProcessors(Number(match[1]), Number(match[2]));
}

/**
 * Whole processors in cgroup v1's `cpu.cfs_quota_us` and `cpu.cfs_period_us` (quota −1: no limit).
 * @example cpuLimitOfCfs('150000\n', '100000\n'); // => 1
 */
export function cpuLimitOfCfs(quota: string, period: string): number | undefined {
  if (!/^-?\d+\s*$/.test(quota) || !/^\d+\s*$/.test(period)) return undefined;
  return wholeProcessors(Number(quota.trim()), Number(period.trim()));
}

/** ⌊quota / period⌋, at least 1 (a quota of 1.5 CPUs keeps one thread busy without throttling); undefined for no limit. */
function wholeProcessors(quota: number, period: number): number | undefined {
  if (!(quota > 0) || !(period > 0)) return undefined;
  return Math.max(1, Math.floor(quota / period));
}

/**
 * The folders of this process's control groups, from `/proc/self/cgroup`, each with its ancestors
 * (a limit set on a parent applies to its children): cgroup v2's one hierarchy ("0::/path"), and
 * cgroup v1's cpu controller ("N:cpu,cpuacct:/path"), as mounted under /sys/fs/cgroup.
 * @example cgroupCpuFolders('0::/a\n').v2; // => ['/sys/fs/cgroup/a', '/sys/fs/cgroup', '/sys/fs/cgroup/unified/a', '/sys/fs/cgroup/unified']
 */
export function cgroupCpuFolders(procSelfCgroup: string): { readonly v2: string[]; readonly v1: string[] } {
  const v2: string[] = [];
  const v1: string[] = [];
  for (const line of procSelfCgroup.split('\n')) {
    const match = /^(\d+):([^:]*):(\/.*)$/.exec(line.trim());
    if (!match) continue;
    const [, id, controllers, path] = match;
    const ancestors = (root: string) => {
      const parts = path.split('/').filter((part) => part !== '' && part !== '..' && part !== '.');
      return parts.map((_, i) => `${root}/${parts.slice(0, parts.length - i).join('/')}`).concat(root);
    };
    // cgroup v2 is mounted at /sys/fs/cgroup, or at /sys/fs/cgroup/unified beside v1's controllers (hybrid).
    if (id === '0' && controllers === '') v2.push(...ancestors('/sys/fs/cgroup'), ...ancestors('/sys/fs/cgroup/unified'));
    else if (controllers.split(',').includes('cpu')) v1.push(...ancestors(`/sys/fs/cgroup/${controllers}`), ...ancestors('/sys/fs/cgroup/cpu'));
  }
  return { v2, v1 };
}

/** A small file's text, or undefined when it cannot be read or is longer than `maxChars` (not the file meant). */
const readSmall = (path: string, maxChars = 256): string | undefined => {
  try {
    const text = readFileSync(path, 'utf8');
    return text.length <= maxChars ? text : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The CPU limit of this process's control groups (the smallest along each hierarchy), or undefined
 * where there is none or it cannot be read (not Linux, no cgroup file system): never an error.
 * @param read reads a file's text (undefined when it cannot, or when it is longer than maxChars); tests pass a fake file system
 */
export function cgroupCpuLimit(read: (path: string, maxChars?: number) => string | undefined = readSmall): number | undefined {
  // A line a controller hierarchy, each with its path (a container runtime's can be long): up to 64 KB.
  const self = read('/proc/self/cgroup', 65_536) ?? '';
  const { v2, v1 } = cgroupCpuFolders(self.length > 0 ? self : '0::/');
  const limits: number[] = [];
  for (const folder of v2) {
    const text = read(`${folder}/cpu.max`);
    const limit = text === undefined ? undefined : cpuLimitOfCpuMax(text);
    if (limit !== undefined) limits.push(limit);
  }
  for (const folder of v1) {
    const quota = read(`${folder}/cpu.cfs_quota_us`);
    const period = read(`${folder}/cpu.cfs_period_us`);
    const limit = quota === undefined || period === undefined ? undefined : cpuLimitOfCfs(quota, period);
    if (limit !== undefined) limits.push(limit);
  }
  return limits.length > 0 ? Math.min(...limits) : undefined;
}

let usable: number | undefined;

/**
 * Processors this process may keep busy: availableParallelism (its affinity) bounded by its control
 * groups' CPU limit; at least 1. Read once a process.
 * @example usableProcessors(); // => 2 on a 2-core machine, or in a container given 2 CPUs of 64
 */
export function usableProcessors(): number {
  usable ??= Math.max(1, Math.min(availableParallelism(), cgroupCpuLimit() ?? Number.POSITIVE_INFINITY));
  return usable;
}
