import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/amplify/v5 by the Maven build; config.json (the stack's endpoints) is served beside it.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: '../../../../target/amplify/v5', emptyOutDir: true },
  // Amplify v5's dependencies (buffer, amazon-cognito-identity-js) read Node's `global`.
  define: { global: 'globalThis' },
});
