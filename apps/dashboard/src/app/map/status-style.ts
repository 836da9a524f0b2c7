import type { DriverStatus } from '@convoy/contracts';

export interface StatusStyle {
  label: string;
  /** Marker fill, cluster ring, list dot; mid-tone so it reads on light and dark maps. */
  color: string;
  /** One line for the legend. */
  meaning: string;
}

/** How each status looks everywhere (map markers, clusters, list, panel, legend). */
export const STATUS_STYLE: Record<DriverStatus, StatusStyle> = {
  live: { label: 'Live', color: '#16a34a', meaning: 'moved in the last minute' },
  stale: { label: 'Stale', color: '#d97706', meaning: 'sharing, but quiet' },
  'sharing-ended': { label: 'Sharing ended', color: '#e11d48', meaning: 'stopped sharing' },
  offline: { label: 'Offline', color: '#64748b', meaning: 'quiet for 30 min' },
};

/** Display order: most urgent first. */
export const STATUS_ORDER: readonly DriverStatus[] = ['live', 'stale', 'sharing-ended', 'offline'];

