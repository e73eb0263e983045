-- AlterTable
ALTER TABLE "matches" ADD COLUMN     "practice" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "ai_level" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "users_ai_level_key" ON "users"("ai_level");

-- The AI's system users, one per level (lib/domain/lists.ts AI_LEVELS), on every back-end alike.
-- "!" is no password hash, and the login refuses users with an ai_level before checking one.
-- The AI is found by its ai_level, not its name: where a player already has the name, the AI
-- takes it with "_bot" rather than going missing.
INSERT INTO "users" ("username", "username_lower", "password_hash", "ai_level")
SELECT name, name, '!', level FROM (
  SELECT level, CASE WHEN EXISTS (SELECT 1 FROM "users" WHERE "username_lower" = 'ai_level_' || level) THEN 'ai_level_' || level || '_bot' ELSE 'ai_level_' || level END AS name
  FROM generate_series(1, 5) AS level
) AS ai
ON CONFLICT DO NOTHING;
