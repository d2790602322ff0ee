-- CreateTable
CREATE TABLE "AccessChangeCounter" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "AccessChangeCounter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessChange" (
    "version" BIGINT NOT NULL,
    "sessionId" UUID,
    "accountId" UUID,
    "tableId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessChange_pkey" PRIMARY KEY ("version")
);


-- The single counter row every bump updates.
INSERT INTO "AccessChangeCounter" ("id", "version") VALUES (1, 0);
