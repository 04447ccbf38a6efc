COPY pg_temp.import_stage (line, consultation_id, version_id, part_id, stance, text, wording,
                           lang, region, channel, submitter, created_at, source, source_id,
                           topic_ids) FROM STDIN
