import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      // contracts are types shared by api and dashboard: no framework or ORM at runtime
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', '@angular/*', 'typeorm', 'class-validator', 'class-transformer', 'rxjs'] },
      ],
    },
  },
];
