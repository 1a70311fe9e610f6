-- The usage ledger: one row per request that reached an upstream. Runs on PostgreSQL and on H2
-- (PostgreSQL mode). Never holds prompt or completion text.
CREATE TABLE usage_ledger (
    id                VARCHAR(40)    NOT NULL PRIMARY KEY,
    request_id        VARCHAR(128)   NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    app               VARCHAR(128),
    model             VARCHAR(128),
    deployment        VARCHAR(128),
    pool              VARCHAR(128),
    zone              VARCHAR(16),
    data_class        VARCHAR(64),
    operation         VARCHAR(32)    NOT NULL,
    stream            BOOLEAN        NOT NULL,
    prompt_tokens     BIGINT         NOT NULL,
    completion_tokens BIGINT         NOT NULL,
    usage_estimated   BOOLEAN        NOT NULL,
    cost_usd          NUMERIC(20, 10) NOT NULL,
    duration_ms       DOUBLE PRECISION NOT NULL,
    ttft_ms           DOUBLE PRECISION NOT NULL,
    status            INTEGER        NOT NULL,
    outcome           VARCHAR(32)    NOT NULL,
    error_code        VARCHAR(64),
    attempts          INTEGER        NOT NULL
);

CREATE INDEX usage_ledger_started_at ON usage_ledger (started_at);
CREATE INDEX usage_ledger_app_started_at ON usage_ledger (app, started_at);
CREATE INDEX usage_ledger_request_id ON usage_ledger (request_id);
