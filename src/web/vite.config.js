import { defineConfig } from 'vite';

// Built into target/web by the Maven build; config.json is not bundled: it is served beside the bundle per stack.
// public/ (absent from the repository) holds only the config.json a developer writes for `npm run dev`
// (docs/browser-app.md): the dev server serves it, and the build never copies it, so no local endpoint can ship.
export default defineConfig({
  base: './',
  build: {
    outDir: '../../target/web',
    emptyOutDir: true,
    copyPublicDir: false,
  },
});
