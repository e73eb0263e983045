-- AlterTable
ALTER TABLE "tournaments" ADD COLUMN     "bracket" JSONB,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;
