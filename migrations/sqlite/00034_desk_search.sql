-- +goose Up
-- The desk's search. Each claim, whatever its status, has its text as the
-- desk searches it: its words, summary, speaker, the title of the article
-- it was logged from and its verdicts' headlines, explanations and rating
-- labels, drafts and verdicts in review included, folded as every search
-- folds (models.FoldText). The public indexes hold only what the public
-- may read; this table is read by the desk alone. The store fills it for
-- every claim as it migrates (models.Store.Migrate).
CREATE TABLE claim_desk_texts (
    claim_id INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    folded   TEXT NOT NULL
);

-- +goose Down
DROP TABLE claim_desk_texts;
