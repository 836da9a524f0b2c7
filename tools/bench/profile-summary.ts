// Summarises a V8 .cpuprofile (from --cpu-prof): where the CPU went, by module and by function (self
// time). Used by run.ts with --cpu-prof; also runnable alone: profile-summary.ts <file.cpuprofile>...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byModule: Array<{ module: string; ms: number; share: number }>;
  topFunctions: Array<{ fn: string; module: string; ms: number; share: number }>;
}

/** node_modules/<pkg>, node:internal, the app bundle, or V8's own buckets (GC, program, idle). */
function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:internal';
  if (url.includes('dist/apps/api/')) return 'convoy (dist/apps/api)';
  if (url.includes('tools/bench/')) return `bench (${basename(url)})`;
  return basename(url);
}

export function summarizeProfile(file: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, { module: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim();
    const entry = byFunction.get(key) ?? { module, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / total) * 1000) / 1000;
  return {
    file,
    totalMs: ms(total),
    byModule: [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top).map(([module, us]) => ({ module, ms: ms(us), share: share(us) })),
    topFunctions: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([fn, { module, us }]) => ({ fn, module, ms: ms(us), share: share(us) })),
  };
}

export function profileText(summary: ProfileSummary): string {
  const lines = [`${summary.file}: ${summary.totalMs} ms of CPU (idle excluded)`, '  by module (self time):'];
  for (const m of summary.byModule.slice(0, 12)) lines.push(`    ${(m.share * 100).toFixed(1).padStart(5)} %  ${m.module}`);
  lines.push('  top functions (self time):');
  for (const f of summary.topFunctions.slice(0, 15)) lines.push(`    ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.fn}  [${f.module}]`);
  return lines.join('\n');
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) console.log(profileText(summarizeProfile(file)));
}
