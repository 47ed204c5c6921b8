import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const companion = process.env.COMPANION_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': companion,
      '/healthz': companion,
      '/socket.io': { target: companion, ws: true },
    },
  },
  // No source map by default; SOURCEMAP=1 writes hidden ones (no sourceMappingURL; the companion never serves .map).
  build: { outDir: 'dist', sourcemap: process.env.SOURCEMAP === '1' ? 'hidden' : false },
});
