-- A round on a frozen version of a measure. Its own migration, because a new enum value cannot be
-- used in the transaction that adds it.
ALTER TYPE "RoundSubject" ADD VALUE 'measure';
