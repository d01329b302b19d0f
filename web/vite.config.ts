// The web client's build (web/dist, served by the embedded gateway and by nginx), its dev server and Vitest.
//   npm run dev      http://127.0.0.1:5173 with /api and /dev proxied to the gateway (TANDEM_GATEWAY_URL,
//                    default http://127.0.0.1:8080, i.e. `make run`)
//   npm run build    web/dist
//   npm run test:unit
import { fileURLToPath, URL } from "node:url";
import { defineConfig } from "vitest/config";
import vue from "@vitejs/plugin-vue";

const gateway = process.env.TANDEM_GATEWAY_URL || "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The strict Content-Security-Policy (style-src 'self') refuses inline data: fonts and styles: keep assets as files.
    assetsInlineLimit: 0,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": { target: gateway, changeOrigin: false },
      "/dev": { target: gateway, changeOrigin: false },
    },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
  },
});
