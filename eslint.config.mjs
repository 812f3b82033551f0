// Lint for the API, contracts, scripts and the admin client; `npm run lint` fails on any warning.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
      'test-artifacts/**',
      'apps/api/src/database/migrations/*-*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['apps/api/**/*.ts', 'libs/**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./apps/api/tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.jest },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // A bounded context's public face is its index.ts: another context never reaches into its files.
    files: ['apps/api/src/modules/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(audit|engagement|giving|identity|live|matching|needs|volunteers)/',
              message: 'Import another context through its public face (modules/<context>/index.ts), not its files.',
            },
          ],
        },
      ],
    },
  },
  {
    // A context names its failures in <context>.errors.ts (one frozen object of constructors), so codes, English
    // details and field codes have one home and no personal data slips into a detail. Every context, no exceptions.
    files: ['apps/api/src/modules/**/*.ts'],
    ignores: ['**/*.errors.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='DomainError']",
          message: "Throw a named constructor from this context's <context>.errors.ts instead of new DomainError(...).",
        },
        {
          selector: "CallExpression[callee.object.name='DomainError'][callee.property.name='validation']",
          message: "Throw a named constructor from this context's <context>.errors.ts, whose field errors carry a code.",
        },
      ],
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./apps/admin/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser tests run functions inside the page with page.evaluate().
    files: ['apps/admin/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
