import { PreparedSummaries1796200000001 } from './migrations/1796200000001-PreparedSummaries';
import { PreparedSummaryEntity } from './prepared/prepared-summary.entity';

export const REPORTS_ENTITIES = [PreparedSummaryEntity];
export const REPORTS_MIGRATIONS = [PreparedSummaries1796200000001];
