import { readdirSync, readFileSync } from 'node:fs';

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

/** /proc/<pid>/stat fields after the command name: [state, ppid, …]; null when the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may contain spaces: count fields after its closing parenthesis
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, null when unavailable. */
export function cpuSeconds(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS : null; // utime, stime
}

const pids = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);

/**
 * The postmaster listening on `port` on this machine (found by its `-p <port>` argument), or null
 * (a remote DATABASE_URL, or a server started without -p).
 */
export function findPostmaster(port: number): number | null {
  for (const pid of pids()) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!/(^|\/)postgres$/.test(argv[0] ?? '')) continue;
      const flag = argv.indexOf('-p');
      if (flag >= 0 && argv[flag + 1] === String(port)) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/**
 * CPU seconds of the postmaster, of its live children (backends, WAL writer, autovacuum …) and of the
 * children it already reaped (its cutime/cstime), so backends that exit in between are not lost.
 */
export function processTreeCpuSeconds(root: number): number | null {
  const fields = statFields(root);
  if (!fields) return null;
  let total = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  for (const pid of pids()) {
    const fields = statFields(pid);
    if (fields && Number(fields[1]) === root) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }
  return total;
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

export interface CpuUse {
  /** average cores used by the target process over the phase */
  targetCores: number | null;
  /** average cores used by the Postgres server (postmaster + children), null when not local */
  postgresCores: number | null;
  /** average cores used by this process (the load generator) */
  generatorCores: number;
  /** busy share of the whole machine (all cores = 1.0), including work that is not the bench's */
  machineBusyShare: number | null;
}

/** What a phase cost in CPU: the target, Postgres, the load generator, the whole machine. */
export class CpuMeter {
  private readonly startedAt = process.hrtime.bigint();
  private readonly target: number | null;
  private readonly postgres: number | null;
  private readonly self = process.cpuUsage();
  private readonly machine = machineTicks();

  constructor(
    private readonly targetPid: number,
    private readonly postmasterPid: number | null,
  ) {
    this.target = cpuSeconds(targetPid);
    this.postgres = postmasterPid === null ? null : processTreeCpuSeconds(postmasterPid);
  }

  stop(): CpuUse {
    const seconds = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    const cores = (used: number | null) => (used === null ? null : Math.round((used / seconds) * 100) / 100);
    const target = cpuSeconds(this.targetPid);
    const postgres = this.postmasterPid === null ? null : processTreeCpuSeconds(this.postmasterPid);
    const self = process.cpuUsage(this.self);
    const machine = machineTicks();
    return {
      targetCores: cores(target !== null && this.target !== null ? target - this.target : null),
      postgresCores: cores(postgres !== null && this.postgres !== null ? postgres - this.postgres : null),
      generatorCores: cores((self.user + self.system) / 1e6) as number,
      machineBusyShare:
        machine && this.machine && machine.total > this.machine.total
          ? Math.round(((machine.busy - this.machine.busy) / (machine.total - this.machine.total)) * 1000) / 1000
          : null,
    };
  }
}
