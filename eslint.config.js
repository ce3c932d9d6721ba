// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (see README, architecture): app -> pages -> features -> shared code.
const chartLibraries = ['echarts', 'echarts/*', 'd3-flame-graph', '@dagrejs/dagre', 'd3-zoom', 'd3-selection'];

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'e2e/sandbox/.state/', 'e2e/demo-jobs/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [],
          patterns: [{ group: chartLibraries, message: 'Only src/charts touches chart and graph libraries.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Only src/api talks to the network: use its client.' },
        { name: 'XMLHttpRequest', message: 'Only src/api talks to the network: use its client.' },
      ],
    },
  },
  {
    // Transport code knows nothing of the UI.
    files: ['src/api/**/*.{ts,tsx}', 'src/refresh/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: chartLibraries, message: 'Only src/charts touches chart libraries.' },
            {
              regex: '^\\.\\./(app|pages|features|components|charts)(/|$)',
              message: 'src/api and src/refresh do not import UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/runtime-config.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/charts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Features do not import each other: shared pieces go to components/, lib/ or charts/.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: chartLibraries, message: 'Only src/charts touches chart libraries.' },
            {
              regex: '^\\.\\./(?!\\.\\.)',
              message: 'Features do not import each other; move shared code to components/, lib/ or charts/.',
            },
            { regex: '^\\.\\./\\.\\./(pages|app)(/|$)', message: 'Features do not import pages or the app shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
