-- New round subjects: consensus checks in meetings and approving minutes. Their own migration,
-- because a new enum value cannot be used in the transaction that adds it.
ALTER TYPE "RoundSubject" ADD VALUE 'consensus_check';
ALTER TYPE "RoundSubject" ADD VALUE 'minutes';
