-- AlterTable
ALTER TABLE "matches" ADD COLUMN     "player1_rating_after" DOUBLE PRECISION,
ADD COLUMN     "player1_rating_before" DOUBLE PRECISION,
ADD COLUMN     "player2_rating_after" DOUBLE PRECISION,
ADD COLUMN     "player2_rating_before" DOUBLE PRECISION,
ADD COLUMN     "rated" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "rated_at" TIMESTAMP(3),
ADD COLUMN     "rated_games" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rating" DOUBLE PRECISION NOT NULL DEFAULT 1500,
ADD COLUMN     "rating_deviation" DOUBLE PRECISION NOT NULL DEFAULT 350,
ADD COLUMN     "rating_volatility" DOUBLE PRECISION NOT NULL DEFAULT 0.06;

-- Matches played before ratings existed moved none.
UPDATE "matches" SET "rated" = false;
