import { defineConfig } from 'vite';

// Built into target/amplify/v6 by the Maven build; config.json (the stack's endpoints) is served beside it.
export default defineConfig({
  base: './',
  build: { outDir: '../../../../target/amplify/v6', emptyOutDir: true },
});
