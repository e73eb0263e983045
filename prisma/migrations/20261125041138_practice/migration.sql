-- AlterTable
ALTER TABLE "matches" ADD COLUMN     "practice" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "ai_level" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "users_ai_level_key" ON "users"("ai_level");

-- The AI's system users, one per level (lib/domain/lists.ts AI_LEVELS), on every back-end alike.
-- "!" is no password hash, and the login refuses users with an ai_level before checking one.
INSERT INTO "users" ("username", "username_lower", "password_hash", "ai_level")
SELECT 'ai_level_' || level, 'ai_level_' || level, '!', level FROM generate_series(1, 5) AS level
ON CONFLICT DO NOTHING;
