// usableProcessors: affinity bounded by the cgroup's CPU limit. The parsers are checked on the files'
// documented forms (Linux cgroup-v2.rst "cpu.max"; sched-bwc.rst for v1's cfs_quota_us and
// cfs_period_us). By hand on this machine (cgroup v1, 2 processors): a cgroup made with
//   mkdir /sys/fs/cgroup/cpu/fc-test && echo 100000 > /sys/fs/cgroup/cpu/fc-test/cpu.cfs_quota_us
// and a shell moved into it (echo $$ > …/tasks) gave cgroupCpuLimit() = 1, usableProcessors() = 1,
// availableParallelism() = 2, and `forecast run --help` showed "[default: 1]" for --threads.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cgroupCpuFolders, cgroupCpuLimit, cpuLimitOfCfs, cpuLimitOfCpuMax, usableProcessors } from '../../src/io/processors.js';

describe('the CPU limit of a control group', () => {
  it('reads cgroup v2 cpu.max as whole processors, at least one, and "max" as no limit', () => {
    expect(cpuLimitOfCpuMax('200000 100000\n')).toBe(2);
    expect(cpuLimitOfCpuMax('150000 100000')).toBe(1);
    expect(cpuLimitOfCpuMax('50000 100000\n')).toBe(1);
    expect(cpuLimitOfCpuMax('6400000 100000\n')).toBe(64);
    expect(cpuLimitOfCpuMax('max 100000\n')).toBeUndefined();
    for (const broken of ['', 'max', '200000', '-1 100000', '2e5 100000', '200000 0', 'x y']) expect(cpuLimitOfCpuMax(broken), broken).toBeUndefined();
  });

  it('reads cgroup v1 cfs_quota_us and cfs_period_us, quota -1 being no limit', () => {
    expect(cpuLimitOfCfs('400000\n', '100000\n')).toBe(4);
    expect(cpuLimitOfCfs('250000', '100000')).toBe(2);
    expect(cpuLimitOfCfs('-1\n', '100000\n')).toBeUndefined();
    expect(cpuLimitOfCfs('abc', '100000')).toBeUndefined();
    expect(cpuLimitOfCfs('100000', '0')).toBeUndefined();
  });

  it('looks in the process\'s own cgroup folders and their ancestors, v2 (plain or hybrid) and v1', () => {
    expect(cgroupCpuFolders('0::/\n')).toEqual({ v2: ['/sys/fs/cgroup', '/sys/fs/cgroup/unified'], v1: [] });
    expect(cgroupCpuFolders('0::/kubepods/pod1/c2\n').v2).toEqual([
      '/sys/fs/cgroup/kubepods/pod1/c2',
      '/sys/fs/cgroup/kubepods/pod1',
      '/sys/fs/cgroup/kubepods',
      '/sys/fs/cgroup',
      '/sys/fs/cgroup/unified/kubepods/pod1/c2',
      '/sys/fs/cgroup/unified/kubepods/pod1',
      '/sys/fs/cgroup/unified/kubepods',
      '/sys/fs/cgroup/unified',
    ]);
    const v1 = cgroupCpuFolders('4:memory:/m\n3:cpu,cpuacct:/docker/abc\n0::/\n').v1;
    expect(v1).toEqual([
      '/sys/fs/cgroup/cpu,cpuacct/docker/abc',
      '/sys/fs/cgroup/cpu,cpuacct/docker',
      '/sys/fs/cgroup/cpu,cpuacct',
      '/sys/fs/cgroup/cpu/docker/abc',
      '/sys/fs/cgroup/cpu/docker',
      '/sys/fs/cgroup/cpu',
    ]);
    expect(cgroupCpuFolders('garbage\n12:cpuacct:/x\n')).toEqual({ v2: [], v1: [] });
  });

  it('finds the smallest limit along the process\'s cgroup path, however long /proc/self/cgroup is', () => {
    const files = (entries: Record<string, string>) => (path: string, maxChars = 256) => {
      const text = entries[path];
      return text !== undefined && text.length <= maxChars ? text : undefined;
    };
    // cgroup v1 under a container runtime: a dozen controllers with long paths (over a kilobyte).
    const id = 'a'.repeat(64);
    const v1 = [...Array.from({ length: 11 }, (_, i) => `${12 - i}:controller${i}:/kubepods/burstable/pod-${id}/${id}`), `1:cpu,cpuacct:/kubepods/burstable/pod-${id}/${id}`].join('\n');
    expect(v1.length).toBeGreaterThan(1024);
    const podFolder = `/sys/fs/cgroup/cpu,cpuacct/kubepods/burstable/pod-${id}`;
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': v1, [`${podFolder}/cpu.cfs_quota_us`]: '300000\n', [`${podFolder}/cpu.cfs_period_us`]: '100000\n' }))).toBe(3);
    // cgroup v2: the pod allows 4 CPUs, its container 2.5: two whole processors.
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/kubepods/pod1/c2\n', '/sys/fs/cgroup/kubepods/pod1/cpu.max': '400000 100000\n', '/sys/fs/cgroup/kubepods/pod1/c2/cpu.max': '250000 100000\n', '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBe(2);
    expect(cgroupCpuLimit(files({ '/proc/self/cgroup': '0::/user.slice\n', '/sys/fs/cgroup/user.slice/cpu.max': 'max 100000\n' }))).toBeUndefined();
    expect(cgroupCpuLimit(files({}))).toBeUndefined();
  });

  it('bounds the processors this process may use, never below one, never above its affinity', () => {
    const limit = cgroupCpuLimit();
    expect(limit === undefined || (Number.isInteger(limit) && limit >= 1)).toBe(true);
    expect(usableProcessors()).toBe(Math.max(1, Math.min(availableParallelism(), limit ?? Number.POSITIVE_INFINITY)));
  });
});
