// Prisma 7 CLI configuration (the datasource URL lives here, not in schema.prisma).
// Migrations do not go through the Prisma CLI here (it cannot download its native engine
// offline): use `npm run db:migrate` / `npm run db:migration:create` (docs/decisions/0002).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Optional so that `prisma generate` works without a database (Studio needs DATABASE_URL).
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
