import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.serverless/', '.esbuild/', 'coverage/', 'bench/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Tests read platform JSON whose shape they assert on.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // A pack's sentences are read when its locale first speaks (LanguagePack.messages), not when it is imported.
    files: ['lambda/languages/*/index.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./messages(-overrides)?\\.json$'] }] },
  },
  {
    // Platform SDKs belong to the adapters alone.
    files: ['lambda/**/*.ts'],
    ignores: ['lambda/platforms/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['ask-sdk-*', '@assistant/*', '@modelcontextprotocol/*'] }],
    },
  },
);
