// Read by the stock Prisma CLI (`prisma generate`, and `prisma migrate deploy` on a machine
// that can download Prisma's native engine). The app itself applies migrations offline at start
// (lib/infra/db/migrate.ts), so the URL is only needed by the CLI's migrate commands.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
