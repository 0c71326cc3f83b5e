-- Columns nothing reads or writes. A ratifying proposal names the emergency decision it
-- ratifies in its effect (effect.ratifies), never in proposals.ratifies_proposal_id.
ALTER TABLE "proposals" DROP COLUMN "ratifies_proposal_id";
