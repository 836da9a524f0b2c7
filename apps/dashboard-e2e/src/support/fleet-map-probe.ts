import type { Locator, Page } from '@playwright/test';

/** Marker colours of map/status-style.ts (the e2e app does not import dashboard code). */
export const STATUS_COLOURS = {
  live: '#16a34a',
  stale: '#d97706',
  'sharing-ended': '#e11d48',
  offline: '#64748b',
} as const;

export interface ScreenPoint {
  x: number;
  y: number;
}

export async function centreOf(locator: Locator): Promise<ScreenPoint> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box: not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Which status colours the map's canvases show around `point` (±`radius` px): proof that a marker is
 * really drawn there, in that colour. Driver markers are canvas paths, not DOM elements.
 */
export async function statusColoursAt(page: Page, point: ScreenPoint, radius = 3): Promise<string[]> {
  const pixels = await page.evaluate(
    ({ x, y, r }) => {
      const found: Array<[number, number, number, number]> = [];
      for (const canvas of Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-testid="fleet-map"] canvas'))) {
        const rect = canvas.getBoundingClientRect();
        if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue;
        const scaleX = canvas.width / rect.width;
        const scaleY = canvas.height / rect.height;
        const context = canvas.getContext('2d');
        if (!context) continue;
        const data = context.getImageData(Math.round((x - rect.left) * scaleX) - r, Math.round((y - rect.top) * scaleY) - r, 2 * r + 1, 2 * r + 1).data;
        for (let i = 0; i < data.length; i += 4) found.push([data[i], data[i + 1], data[i + 2], data[i + 3]]);
      }
      return found;
    },
    { x: point.x, y: point.y, r: radius },
  );
  return Object.entries(STATUS_COLOURS)
    .filter(([, hex]) => pixels.some((pixel) => pixel[3] > 200 && close(pixel, hex)))
    .map(([status]) => status);
}

function close(pixel: [number, number, number, number], hex: string, tolerance = 10): boolean {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return rgb.every((channel, i) => Math.abs(channel - pixel[i]) <= tolerance);
}
