import { defineConfig } from 'drizzle-kit';

// The live-runs database (live.db): `npx drizzle-kit generate --config drizzle.live.config.ts`.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/live-schema.ts',
  out: './db/live-migrations',
});
