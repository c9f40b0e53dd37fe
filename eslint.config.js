// Lint rules that enforce the architecture: the model is pure, the UI reaches it only through types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const modelPurity = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'The model is deterministic: use workers/model/rng.ts.' },
    { object: 'Date', property: 'now', message: 'The model has no clock: its clock is the step index.' },
    { object: 'performance', property: 'now', message: 'The model has no clock: its clock is the step index.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'No timers in the model.' },
    { name: 'setInterval', message: 'No timers in the model.' },
    { name: 'fetch', message: 'No I/O in the model.' },
    { name: 'self', message: 'The model knows nothing of the worker.' },
    { name: 'window', message: 'No DOM in the model.' },
    { name: 'document', message: 'No DOM in the model.' },
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'comlink', 'd3-selection', 'd3-zoom'],
          message: 'The model is pure: no UI or worker libraries.',
        },
        { group: ['**/src/**', '../../src/*'], message: 'The model never imports the UI.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-harness', 'node_modules', 'test-results', 'reports', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      // Type-aware rules read each file's own tsconfig (the realms of tsconfig.json's references).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The one exception: workers/model/constants.ts, pure values both sides share, defined once.
              regex: '(^|/)workers/(?!model/constants\\.ts$)',
              allowTypeImports: true,
              message:
                'src/ reaches the model only through the typed comlink API (src/sim/simClient.ts); import types only (values only from workers/model/constants.ts).',
            },
          ],
        },
      ],
    },
  },
  { files: ['workers/model/**/*.ts'], rules: modelPurity },
  {
    // No focused or skipped tests: a forgotten .only hides every other test, a .skip hides a failure.
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(it|test|describe|suite|bench)$/][property.name=/^(only|skip|skipIf|runIf|todo|fixme)$/]',
          message: 'No focused or skipped tests: every test runs in CI.',
        },
        {
          selector: 'MemberExpression[object.property.name=/^(describe|serial|parallel)$/][property.name=/^(only|skip|fixme)$/]',
          message: 'No focused or skipped tests: every test runs in CI.',
        },
      ],
    },
  },
  // Plain JavaScript (configs, the CI summary) is outside every tsconfig: no type-aware rules there.
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // The UI imports this file's values, so it may import nothing but types (it would pull the model in).
    files: ['workers/model/constants.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '.', allowTypeImports: true, message: 'constants.ts is imported by src/: import types only.' }] },
      ],
    },
  },
  { files: ['workers/cli/**/*.ts', 'tests/**/*.ts', '.ci/**/*.mjs'], rules: { 'no-console': 'off' } },
);
