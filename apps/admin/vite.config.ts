import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const API_TARGET = 'http://127.0.0.1:3000';

// Vendor groups keep the app chunk small and let browsers cache the heavy libraries separately.
const VENDOR_GROUPS: ReadonlyArray<{ name: string; test: RegExp }> = [
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/ },
  { name: 'refine', test: /[\\/]node_modules[\\/](@refinedev|@tanstack)[\\/]/ },
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
];

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@kindred/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: true },
      '/socket.io': { target: API_TARGET, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map((group) => ({ name: group.name, test: group.test })),
        },
      },
    },
  },
  test: {
    // Whole-app renders in jsdom take seconds on a loaded 2-core machine; this is a hang guard, not a speed check.
    testTimeout: 30_000,
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    // Refine's CommonJS build would otherwise load a second react-router copy under Node.
    server: { deps: { inline: [/@refinedev\//] } },
  },
});
