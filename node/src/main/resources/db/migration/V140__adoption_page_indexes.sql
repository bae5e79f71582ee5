-- The adoption pages: a government's own catalogue entries (the customized copy to choose) and
-- its incoming and outgoing adoptions, newest first.
CREATE INDEX catalogue_entry_origin_name_idx ON catalogue_entry (origin_node, name);
CREATE INDEX adoption_by_owner ON adoption (owner_node, requested_at);
CREATE INDEX adoption_by_adopter ON adoption (adopter_node, requested_at);
