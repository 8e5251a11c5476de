// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { rendererLayers } from './eslint-renderer-layers.js'

/** The folders are the runtime contract: each part may import shared/, never another part. */
const forbidParts = (...parts) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: parts.map((part) => ({
        // Another part is only reachable by climbing out of this one: ../../electron/…
        regex: `^(\\.\\./)+${part}(/|$)`,
        message: `Only shared/ may be imported across parts; ${part}/ is another part.`,
      })),
    },
  ],
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist-web/**',
      'relay-server/dist/**',
      'dist-web-*/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tsbuild/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...forbidParts('renderer', 'electron', 'relay-server'),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, chorus: { rules: { 'renderer-layers': rendererLayers } } },
    rules: {
      ...forbidParts('electron', 'relay-server'),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'chorus/renderer-layers': 'error',
    },
  },
  {
    // One owner of media rows: media/media-store.ts (tests may set up and inspect rows).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: [
      'renderer/src/media/**',
      'renderer/src/**/*.test.{ts,tsx}',
      'renderer/src/storage/store-test-support.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='db'][property.name=/^(media|mediaCourses)$/]",
          message: 'Media rows are read and written only through media/media-store.ts.',
        },
      ],
    },
  },
  { files: ['electron/**/*.ts'], rules: forbidParts('renderer', 'relay-server') },
  { files: ['relay-server/**/*.ts'], rules: forbidParts('renderer', 'electron') },
)
