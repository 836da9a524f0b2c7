import { readFileSync } from 'node:fs';

/** Linux clock ticks per second (USER_HZ); 100 on every mainstream kernel. */
const CLOCK_TICKS = 100;

/** Resident set size of a process in MiB (/proc/<pid>/status VmRSS), null when unavailable. */
export function rssMiB(pid: number): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, null when unavailable. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may contain spaces: fields are counted after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime (fields 14 and 15)
  } catch {
    return null;
  }
}

/** Machine-wide busy and total jiffies (/proc/stat), to tell how much of the 2 cores a phase used. */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const numbers = values.map(Number);
    const idle = numbers[3] + (numbers[4] ?? 0); // idle + iowait
    const total = numbers.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Measures what a phase cost: CPU of the target process and of the whole machine. */
export class CpuMeter {
  private readonly startCpu: number | null;
  private readonly startMachine: ReturnType<typeof machineTicks>;
  private readonly startedAt = process.hrtime.bigint();

  constructor(private readonly pid: number) {
    this.startCpu = cpuSeconds(pid);
    this.startMachine = machineTicks();
  }

  stop(): { targetCores: number | null; machineBusyShare: number | null; targetCpuSeconds: number | null } {
    const seconds = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    const cpu = cpuSeconds(this.pid);
    const machine = machineTicks();
    const targetCpuSeconds = cpu !== null && this.startCpu !== null ? cpu - this.startCpu : null;
    const machineBusyShare =
      machine && this.startMachine && machine.total > this.startMachine.total
        ? (machine.busy - this.startMachine.busy) / (machine.total - this.startMachine.total)
        : null;
    return {
      targetCpuSeconds: targetCpuSeconds === null ? null : Math.round(targetCpuSeconds * 100) / 100,
      targetCores: targetCpuSeconds === null ? null : Math.round((targetCpuSeconds / seconds) * 100) / 100,
      machineBusyShare: machineBusyShare === null ? null : Math.round(machineBusyShare * 1000) / 1000,
    };
  }
}
