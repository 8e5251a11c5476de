import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type UserConfig } from 'vite'

const root = import.meta.dirname

/** One renderer build for both shells: Electron loads it from disk, the browser build serves it over HTTP. */
export const rendererConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react()],
  // Two copies of yjs in one bundle break sync silently.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm'] },
  build: {
    // Separate output folders let several test runs build at once without emptying each other's files.
    outDir: resolve(root, process.env.CHORUS_WEB_OUT ?? 'dist-web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(root, 'renderer/index.html') },
  },
} satisfies UserConfig

export default defineConfig({
  ...rendererConfig,
  preview: { host: '127.0.0.1', port: Number(process.env.CHORUS_WEB_PORT ?? 5173), strictPort: true },
  server: { host: '127.0.0.1', port: Number(process.env.CHORUS_WEB_PORT ?? 5173) },
})
