import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A V8 CPU profile of the page (Chrome DevTools Protocol), for `--profile`. */
export class PageProfiler {
  private session: CDPSession | null = null;

  async start(page: Page): Promise<void> {
    this.session = await page.context().newCDPSession(page);
    await this.session.send('Profiler.enable');
    await this.session.send('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.send('Profiler.start');
  }

  async stop(): Promise<Profile> {
    if (!this.session) throw new Error('profiler not started');
    const { profile } = (await this.session.send('Profiler.stop')) as unknown as { profile: Profile };
    await this.session.detach();
    return profile;
  }
}

/** The functions with the most self time: "name file:line — ms (share)". */
export function topSelfTime(profile: Profile, count = 25): string[] {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const micros = self.get(node.id) ?? 0;
    total += micros;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => `${key} — ${(micros / 1000).toFixed(0)} ms (${((micros / total) * 100).toFixed(1)}%)`);
}
