-- nmapdiff's store, version 2: a database role per site that can touch only its own site's rows
-- (row-level security), and roles that read every site (the report, the questions).
-- The schema's owner (who runs the migrations) is not bound by these policies.

CREATE TABLE site_roles (
    role  name PRIMARY KEY,
    site  text REFERENCES sites (name) ON DELETE CASCADE   -- null: reads every site, writes none
);

-- the site the connected role may write; null for a reader or an unknown role
CREATE FUNCTION role_site() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = nmapdiff, pg_temp AS
$$ SELECT site FROM site_roles WHERE role = session_user $$;

CREATE FUNCTION role_reads_all() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = nmapdiff, pg_temp AS
$$ SELECT EXISTS (SELECT 1 FROM site_roles WHERE role = session_user AND site IS NULL) $$;

-- what a DBA runs, as the schema's owner, once the login role exists: SELECT nmapdiff.add_site('branch-1', 'scanner_branch1');
CREATE FUNCTION add_site(site_name text, site_role name) RETURNS void LANGUAGE plpgsql SET search_path = nmapdiff, pg_temp AS
$$
BEGIN
    INSERT INTO sites (name) VALUES (site_name) ON CONFLICT DO NOTHING;
    INSERT INTO site_roles (role, site) VALUES (site_role, site_name) ON CONFLICT (role) DO UPDATE SET site = site_name;
    EXECUTE format('GRANT USAGE ON SCHEMA nmapdiff TO %I', site_role);
    EXECUTE format('GRANT SELECT ON sites, site_roles, flyway_schema_history TO %I', site_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON snapshots, outbox, memory_head, hosts, ports, events, nights, findings TO %I', site_role);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA nmapdiff TO %I', site_role);
END
$$;

-- a role that reads every site and writes none: SELECT nmapdiff.add_reader('security_team');
CREATE FUNCTION add_reader(reader_role name) RETURNS void LANGUAGE plpgsql SET search_path = nmapdiff, pg_temp AS
$$
BEGIN
    INSERT INTO site_roles (role, site) VALUES (reader_role, NULL) ON CONFLICT (role) DO UPDATE SET site = NULL;
    EXECUTE format('GRANT USAGE ON SCHEMA nmapdiff TO %I', reader_role);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA nmapdiff TO %I', reader_role);
END
$$;

ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_site ON sites USING (name = role_site() OR role_reads_all());

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['snapshots', 'outbox', 'memory_head', 'hosts', 'ports', 'events', 'nights', 'findings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY own_site ON %I USING (site = role_site()) WITH CHECK (site = role_site())', t);
        EXECUTE format('CREATE POLICY reader ON %I FOR SELECT USING (role_reads_all())', t);
    END LOOP;
END
$$;

-- the questions across sites ask by port ("where is 3389 open?")
CREATE INDEX ports_by_port ON ports (port) WHERE open;
