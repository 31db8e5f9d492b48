-- nmapdiff's store, version 1: every site's snapshots and memory, keyed by site.
-- Applied by Flyway into the schema nmapdiff, in one transaction.

CREATE TABLE sites (
    name        text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- a scan kept: the facts the questions read, and nmap's XML as it was written, compressed (gzip)
CREATE TABLE snapshots (
    site         text NOT NULL REFERENCES sites (name) ON DELETE CASCADE,
    id           text NOT NULL,
    seq          bigserial NOT NULL,          -- the order saved, for two scans that started at the same instant
    sha256       bytea NOT NULL,              -- of the XML: a scan pushed twice is taken once
    start_at     timestamptz NOT NULL,
    saved_at     timestamptz NOT NULL,
    complete     boolean NOT NULL,
    targets      text[] NOT NULL,
    arguments    text[] NOT NULL,
    hosts        integer NOT NULL,
    changes      integer,
    summary      text,
    baseline_id  text,
    finished     boolean NOT NULL DEFAULT false,
    xml_size     bigint NOT NULL,
    xml_gzip     bytea NOT NULL,
    PRIMARY KEY (site, id),
    UNIQUE (site, sha256)
);
CREATE INDEX snapshots_by_start ON snapshots (site, start_at, seq);

-- the notifiers a snapshot's night has still to tell: the outbox, written with the night
CREATE TABLE outbox (
    site         text NOT NULL,
    snapshot_id  text NOT NULL,
    notifier     text NOT NULL,
    ord          integer NOT NULL,
    PRIMARY KEY (site, snapshot_id, notifier),
    FOREIGN KEY (site, snapshot_id) REFERENCES snapshots (site, id) ON DELETE CASCADE
);

-- where a site's memory stands
CREATE TABLE memory_head (
    site              text PRIMARY KEY REFERENCES sites (name) ON DELETE CASCADE,
    version           integer NOT NULL,
    targets           text[] NOT NULL,
    arguments         text[] NOT NULL,
    through_id        text NOT NULL,
    through_at        timestamptz NOT NULL,
    last_complete_at  timestamptz,
    sequence          bigint NOT NULL,
    attributes        jsonb NOT NULL DEFAULT '{}'
);

-- what the memory knows of each host of a site
CREATE TABLE hosts (
    site            text NOT NULL REFERENCES sites (name) ON DELETE CASCADE,
    key             text NOT NULL,
    address         text,
    mac             text,
    name            text,
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    present         boolean NOT NULL,
    watched         boolean NOT NULL,
    observation_id  text,
    observation     text,
    scripts         jsonb NOT NULL DEFAULT '{}',
    noise           jsonb NOT NULL DEFAULT '{}',
    attributes      jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (site, key)
);
-- by key only: an index the planner could prefer before the statistics of a new site exist would
-- make every lookup of a host a scan of the site

CREATE TABLE ports (
    site        text NOT NULL,
    host_key    text NOT NULL,
    port        text NOT NULL,
    open        boolean NOT NULL,
    watched     boolean NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    service     text,
    version     text,
    scripts     jsonb NOT NULL DEFAULT '{}',
    attributes  jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (site, host_key, port),
    FOREIGN KEY (site, host_key) REFERENCES hosts (site, key) ON DELETE CASCADE
);

-- each host's timeline
CREATE TABLE events (
    site      text NOT NULL REFERENCES sites (name) ON DELETE CASCADE,
    seq       bigserial NOT NULL,
    host_key  text NOT NULL,
    at        timestamptz NOT NULL,
    kind      text NOT NULL,
    port      text,
    service   text,
    before    text,
    after     text,
    PRIMARY KEY (site, seq)
);
CREATE INDEX events_by_host ON events (site, host_key, seq);

-- what each night found once the rules applied, and what it held back
CREATE TABLE nights (
    site         text NOT NULL REFERENCES sites (name) ON DELETE CASCADE,
    snapshot_id  text NOT NULL,
    seq          bigserial NOT NULL,
    at           timestamptz NOT NULL,
    complete     boolean NOT NULL,
    baseline     boolean NOT NULL,
    held_back    jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (site, snapshot_id)
);

CREATE TABLE findings (
    site         text NOT NULL,
    snapshot_id  text NOT NULL,
    ord          integer NOT NULL,
    kind         text NOT NULL,
    severity     text NOT NULL,
    host_key     text NOT NULL,
    address      text,
    name         text,
    mac          text,
    port         text,
    service      text,
    before       text,
    after        text,
    first_seen   timestamptz,
    last_seen    timestamptz,
    note         text,
    PRIMARY KEY (site, snapshot_id, ord),
    FOREIGN KEY (site, snapshot_id) REFERENCES nights (site, snapshot_id) ON DELETE CASCADE
);
