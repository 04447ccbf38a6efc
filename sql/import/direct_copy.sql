COPY kenes.proposal (id, consultation_id, version_id, part_id, stance, text, proposed_wording,
                     lang, region, channel, submitter, created_at, source, source_id) FROM STDIN
