-- CreateTable
CREATE TABLE "match_replays" (
    "match_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "ticks" INTEGER NOT NULL,
    "inputs" BYTEA NOT NULL,

    CONSTRAINT "match_replays_pkey" PRIMARY KEY ("match_id")
);

-- AddForeignKey
ALTER TABLE "match_replays" ADD CONSTRAINT "match_replays_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
