import { UrlSegment, type UrlMatchResult, type UrlSegmentGroup } from '@angular/router';

/** Matches `webhooks` and `webhooks/:id`; the id (when there is one) becomes the page's `id` input. */
export function webhooksUrl(segments: UrlSegment[], _group?: UrlSegmentGroup): UrlMatchResult | null {
  if (segments[0]?.path !== 'webhooks' || segments.length > 2) return null;
  return { consumed: segments, posParams: segments[1] ? { id: segments[1] } : {} };
}
