import nx from '@nx/eslint-plugin';

/**
 * The arrows of DESIGN.md §1, enforced by lint:
 *   dashboard → contracts; server/* → contracts; channels (bot, gps-apps) → sharing → links, tracking
 *   (never the reverse); tracking → database; places → tracking; reports → places. Nothing under libs/server imports the
 *   dashboard and vice versa.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/test-results', '**/playwright-report', '**/out-tsc'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    ignores: ['**/eslint.config.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // jest runs global setups without path aliases: the api-e2e one loads the Postgres starter by path
          allow: ['^.*/libs/server/database/src/lib/embedded-postgres$'],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'type:contracts'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:server', 'type:contracts'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'scope:server'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'feature:config', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'feature:database',
              onlyDependOnLibsWithTags: ['feature:config', 'type:contracts'],
            },
            {
              sourceTag: 'feature:auth',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'type:contracts'],
            },
            {
              sourceTag: 'feature:health',
              onlyDependOnLibsWithTags: [
                'feature:config',
                'feature:database',
                'feature:auth',
                'feature:bot',
                'feature:live',
                'type:contracts',
              ],
            },
            {
              sourceTag: 'feature:links',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'type:contracts'],
            },
            {
              sourceTag: 'feature:tracking',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:metrics', 'feature:events', 'type:contracts'],
            },
            {
              // driver data rights: erasure and retention across drivers, positions, links and prepared reports
              sourceTag: 'feature:privacy',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:links', 'feature:sharing', 'feature:tracking', 'feature:places', 'feature:events', 'feature:messages', 'feature:reports', 'type:contracts'],
            },
            {
              sourceTag: 'feature:metrics',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:auth', 'type:contracts'],
            },
            {
              sourceTag: 'feature:demo',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:sharing', 'feature:tracking', 'type:contracts'],
            },
            {
              sourceTag: 'feature:live',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:auth', 'feature:tracking', 'feature:places', 'feature:metrics', 'feature:events', 'feature:notifications', 'feature:messages', 'type:contracts'],
            },
            {
              sourceTag: 'feature:sharing',
              onlyDependOnLibsWithTags: [
                'feature:config',
                'feature:database',
                'feature:auth',
                'feature:links',
                'feature:tracking',
                'feature:metrics',
                'feature:events',
                'type:contracts',
              ],
            },
            // the whole schema: composes every lib that owns tables; only the app, tools and tests import it
            { sourceTag: 'feature:schema', onlyDependOnLibsWithTags: ['scope:server', 'type:contracts'] },
            {
              sourceTag: 'feature:bot',
              onlyDependOnLibsWithTags: [
                'feature:config',
                'feature:database',
                'feature:auth',
                'feature:sharing',
                'feature:tracking',
                'feature:privacy',
                'feature:metrics',
                'feature:events',
                'feature:notifications',
                'feature:messages',
                'type:contracts',
              ],
            },
            {
              sourceTag: 'feature:gps-apps',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:auth', 'feature:sharing', 'feature:tracking', 'feature:metrics', 'feature:events', 'type:contracts'],
            },
            {
              // visit detection is a position commit participant: places → tracking (never the reverse)
              sourceTag: 'feature:places',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:tracking', 'feature:events', 'type:contracts'],
            },
            {
              // reports read positions and drivers by SQL and name places; prepared summaries rely on tracking's late-write log
              sourceTag: 'feature:reports',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:places', 'feature:tracking', 'type:contracts'],
            },
            {
              // quiet/back and speeding: a job and a participant of the position group commit, writing to the outbox
              sourceTag: 'feature:driver-activity',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:tracking', 'feature:events', 'type:contracts'],
            },
            {
              // the outbox and its dispatcher: producers append in their own transactions, consumers register
              sourceTag: 'feature:events',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:metrics', 'type:contracts'],
            },
            {
              // dispatcher ↔ driver messages: threads, the join page's side, durable Telegram delivery (the bot registers the transport)
              sourceTag: 'feature:messages',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:sharing', 'feature:tracking', 'feature:events', 'type:contracts'],
            },
            {
              // alerts for people: rules, inbox, Telegram/email jobs; users/places/drivers checked by SQL (no import of their libs)
              sourceTag: 'feature:notifications',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:events', 'type:contracts'],
            },
            {
              // signed webhooks: an events consumer (outbox → delivery jobs), admin routes, admin notices
              sourceTag: 'feature:webhooks',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:database', 'feature:auth', 'feature:events', 'type:contracts'],
            },
            {
              sourceTag: 'feature:http',
              onlyDependOnLibsWithTags: ['feature:config', 'feature:auth', 'type:contracts'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
