-- 036: kenes.proposal_doc also returns what a card on the HTML list shows (stance, text,
-- support count, when it was made), so the list page reads them without the document being
-- built or its page's keyset scan leaving the index (sql/queries/proposal_list.sql). A
-- function's result columns cannot change in place: it is dropped here and made again, with
-- the new columns, from sql/functions/proposal_doc.sql by the same sql/migrate run.
DROP FUNCTION IF EXISTS kenes.proposal_doc(bigint);
