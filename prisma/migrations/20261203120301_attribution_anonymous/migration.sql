-- Anonymous within a party, beside the person and the organisation. Its own migration: a new enum
-- value cannot be used in the transaction that adds it.
ALTER TYPE "Attribution" ADD VALUE 'anonymous';
