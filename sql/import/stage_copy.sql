COPY pg_temp.import_stage (line, consultation, kind, number, stance, text, wording, lang, region,
                           topics, submitter, source, source_id, submitted_at) FROM STDIN
