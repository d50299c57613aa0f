import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { minimal2023Preset } from '@vite-pwa/assets-generator/config';
import { decksPlugin } from './scripts/vite-plugin-decks.ts';
import { CONTENT_SECURITY_POLICY, cspPlugin } from './scripts/vite-plugin-csp.ts';
import { syncServerOrigin, withConnectSource } from './scripts/sync-url.ts';
import { shellPlugin } from './scripts/vite-plugin-shell.ts';

const BRAND_BLUE = '#2a4fd6';

// The benchmark builds against generated decks (bench/run.mjs); everything else uses decks/.
const decks = decksPlugin({ dir: process.env.FLIPDECK_DECKS_DIR ?? 'decks' });

// Sync is built in only when FLIPDECK_SYNC_URL names a server (docs/sync.md); its origin alone joins connect-src.
const syncUrl = process.env.FLIPDECK_SYNC_URL?.trim() ?? '';
const syncOrigin = syncServerOrigin(syncUrl);

// base './' keeps every asset URL relative, so the built app works under any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    decks,
    // The home screen is prerendered into index.html: it paints before the JavaScript has loaded.
    // It also preloads the chunks the app imports at start (src/main.tsx, src/store/index.ts).
    shellPlugin(() => decks.api.deckIndex(), {
      startupModules: ['src/store/index.ts', 'react-dom/client.js', 'src/app/App.tsx', 'src/storage/open-repository.ts', 'src/storage/deck-source.ts'],
    }),
    cspPlugin(withConnectSource(CONTENT_SECURITY_POLICY, syncOrigin)),
    VitePWA({
      // 'prompt': a new version waits until the student chooses to reload (never mid-grade), or
      // takes over on the next launch once every Flipdeck tab is closed.
      registerType: 'prompt',
      injectRegister: false,
      // Icons (192, 512, maskable, apple-touch, favicon) are generated at build time from one SVG.
      pwaAssets: {
        image: 'public/icon.svg',
        htmlPreset: '2023',
        overrideManifestIcons: true,
        // Maskable and Apple icons are padded by the platform's mask: fill the padding with the
        // brand colour instead of white, so the icon reads as one tile on a home screen.
        preset: {
          ...minimal2023Preset,
          maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: BRAND_BLUE } },
          apple: { sizes: [180], padding: 0.3, resizeOptions: { background: BRAND_BLUE } },
        },
      },
      manifest: {
        name: 'Flipdeck',
        short_name: 'Flipdeck',
        description: 'Spaced-repetition flashcards that work offline.',
        lang: 'en',
        theme_color: BRAND_BLUE,
        background_color: '#f6f7fb',
        display: 'standalone',
        // Relative to the manifest, so the installed app works under any sub-path.
        start_url: './',
        scope: './',
        id: './',
        categories: ['education'],
      },
      workbox: {
        // The app shell, every lazy chunk and every bundled deck are precached: the whole app
        // studies offline after the first visit.
        // (The manifest is added by the plugin itself; listing it here too would make install fail.)
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json}'],
        // The optimizer's WASM (1.7 MB) is not precached: it is fetched the first time someone
        // optimizes, then served from this cache (offline too).
        globIgnores: ['**/*.wasm'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('.wasm'),
            handler: 'CacheFirst',
            options: { cacheName: 'flipdeck-wasm', expiration: { maxEntries: 4 } },
          },
        ],
        // Workbox's 2 MiB default fails the build on a large deck (10,000 cards is about 3 MB);
        // a big deck must study offline too.
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // One self-contained sw.js: a precache error then fails the install visibly, instead of
        // leaving an active worker with no fetch handler (the split runtime loads asynchronously).
        inlineWorkboxRuntime: true,
        // Runs before Workbox's fetch handler: adds COOP/COEP to pages and worker scripts, so the
        // optimizer's shared WebAssembly memory works in Firefox and Safari too (see that file).
        importScripts: ['sw-isolation.js'],
      },
    }),
  ],
  define: { 'import.meta.env.FLIPDECK_SYNC_URL': JSON.stringify(syncOrigin === null ? '' : syncUrl) },
  // Module workers: the optimizer's worker code-splits (fsrs-browser imports lazily).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'sync-server/src/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    // Study-day boundaries are local time; pin the zone so domain tests are reproducible anywhere.
    env: { TZ: 'UTC' },
  },
});
