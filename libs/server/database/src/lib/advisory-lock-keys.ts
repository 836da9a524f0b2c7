/**
 * Every Postgres advisory lock Convoy takes, in one place: two jobs sharing a key silently exclude
 * each other (the demo fleet once never started because partition maintenance held its key; personal
 * data retention never ran on the polling leader). A spec checks the keys are distinct.
 */
export const ADVISORY_LOCK_KEYS = {
  migrations: '4842976093771423',
  users: '4842976093771424',
  positionRetention: '4842976093771425',
  telegramPolling: '4842976093771426',
  demoFleet: '4842976093771427',
  personalDataRetention: '4842976093771428',
  partitionMaintenance: '4842976093771429',
  notificationsRetention: '4842976093771571',
  eventRetention: '4842976093771830',
  summaryPreparation: '4842976093771912',
  messagesRetention: '4842976093772007',
  webhookDeliveriesRetention: '4842976093772008',
} as const;
