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
    files: ['tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Platform SDKs belong to the adapters alone.
    files: ['lambda/**/*.ts'],
    ignores: ['lambda/platforms/**', 'lambda/server.ts', 'lambda/alexa-lambda.ts', 'lambda/google-lambda.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['ask-sdk-*', '@assistant/*'] }],
    },
  },
);
