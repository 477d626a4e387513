import { defineConfig } from 'vite';

// Built into target/web by the Maven build; config.json is not bundled: it is served beside the bundle per stack.
export default defineConfig({
  base: './',
  build: {
    outDir: '../../target/web',
    emptyOutDir: true,
  },
});
