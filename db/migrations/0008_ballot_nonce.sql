-- The secret nonce of each ballot's hiding commitment, disclosed in the roll call at close.
-- Ballots cast before this column existed keep null: their commitments were published without
-- a nonce, so none can be added afterwards.
ALTER TABLE "votes" ADD COLUMN "nonce" text;
