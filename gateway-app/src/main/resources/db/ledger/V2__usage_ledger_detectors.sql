-- Sensitivity findings of each request: detector ids and match counts as 'id:count,...' (never the
-- matched text); empty when nothing fired, NULL for rows written before the classifier was wired in.
ALTER TABLE usage_ledger ADD COLUMN detectors VARCHAR(512);
